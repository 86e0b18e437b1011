/** The audit log: who did what in the admin channel, each refused admin command, every data export and erasure. */
package org.tandem.core.audit;
