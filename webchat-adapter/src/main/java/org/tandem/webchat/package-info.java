/** The local web chat: a page and a JSON API mirroring the neutral model, to try Tandem as several people. */
package org.tandem.webchat;
