/** Getting people in: invitations by address or channel, with a reminder, and announcements with a Join button. */
package org.tandem.core.invitations;
