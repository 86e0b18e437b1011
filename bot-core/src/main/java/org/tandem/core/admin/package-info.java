/**
 * The coordinators' admin channel: aggregates ({@code status}, the weekly digest), who needs attention
 * ({@code pending}, {@code at-risk}), one pair ({@code pair}, {@code end pair}), broadcasts and exports. Nothing
 * here shows what a person wrote in private: outputs are built from counts, stages and dates only.
 */
package org.tandem.core.admin;
