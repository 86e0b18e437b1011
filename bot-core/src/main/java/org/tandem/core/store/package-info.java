/**
 * Small MongoDB helpers the repositories share, and the one mechanism of everything tried again later: a
 * {@link org.tandem.core.store.Lease} guards what one sweep claimed, a {@link org.tandem.core.store.Retry} says when
 * to try again and when to give up. The core's due items and the adapters' kept messages all use both.
 */
package org.tandem.core.store;
