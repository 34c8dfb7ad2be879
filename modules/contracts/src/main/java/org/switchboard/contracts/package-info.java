/**
 * The published language of Switchboard: every message that crosses a bounded-context boundary,
 * one record per message, in a sub-package named after the context that owns it. Events are in the
 * past tense and belong to their publisher ({@code webstore.CustomerRegistered}); commands are
 * imperative and belong to the context that accepts them ({@code marketing.CreateCustomer}); notes
 * report to the one context that owns them ({@code operations.MessageHandled}).
 *
 * <p>Records here hold only primitives, {@code String}, {@code UUID}, {@code Instant},
 * {@code BigDecimal} and enums, never a domain type. Each mirrors a JSON Schema in
 * {@code schema/<context>/<Message>.v<major>.schema.json}. Who owns a message decides how it may
 * change: an event only so that every earlier and later reader still accepts it (FULL_TRANSITIVE),
 * a command or note so that its consumer reads every version ever sent (BACKWARD_TRANSITIVE). Any
 * other change needs a new major version there and here.
 */
package org.switchboard.contracts;
