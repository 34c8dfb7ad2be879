package org.switchboard.schemacompat;

/** Builds the human field paths of {@link Incompatibility#field()}: {@code address.street}, {@code lines[].sku}. */
final class Fields {

    private Fields() {}

    static String property(String field, String name) {
        return isRoot(field) ? name : field + "." + name;
    }

    static String items(String field) {
        return (isRoot(field) ? "" : field) + "[]";
    }

    static String index(String field, int index) {
        return (isRoot(field) ? "" : field) + "[" + index + "]";
    }

    static String additional(String field) {
        return property(field, "*");
    }

    private static boolean isRoot(String field) {
        return ReaderWriterComparison.ROOT_FIELD.equals(field);
    }
}
