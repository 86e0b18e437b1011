/**
 * People's control over their data: {@code my-data} (a copy of everything stored about them), {@code forget-me}
 * (erasure across every store, pairs ended kindly) and the retention of closed programmes. Each store that keeps
 * personal data takes part through a {@link org.tandem.core.module.PersonalData}.
 */
package org.tandem.core.privacy;
