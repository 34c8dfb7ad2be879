/**
 * How a bounded context migrates its own PostgreSQL schema at start-up: Flyway, one history table
 * per schema, migrations on the context's own class path. A runtime library in the EAR's
 * {@code lib/}, apart from the messaging building block, which has nothing to do with tables.
 */
package org.switchboard.migrations;
