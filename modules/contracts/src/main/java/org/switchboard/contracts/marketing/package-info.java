/** Commands Marketing accepts on queue {@code marketing.commands}. */
package org.switchboard.contracts.marketing;
