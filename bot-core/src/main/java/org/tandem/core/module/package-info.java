/**
 * What makes a feature a module: its one entry type ({@link org.tandem.core.module.Feature}: its flows, its due
 * handlers, its part in people's data) and the in-process {@link org.tandem.core.module.Events} it publishes to
 * and subscribes on. The composition root ({@code TandemCore}) only assembles the features in their order and
 * hands their parts to the router, the sweeper and the privacy module; no feature is wired to another there.
 */
package org.tandem.core.module;
