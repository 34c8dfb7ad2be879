package org.switchboard.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The default interceptors an EJB module binds in its {@code META-INF/ejb-jar.xml}
 * ({@code <interceptor-binding>} with {@code <ejb-name>*</ejb-name>}), and the resources it maps
 * for an interceptor, read from the jar or class directory a class was loaded from — the module the
 * container deploys it in.
 */
final class DefaultInterceptors {

    private DefaultInterceptors() {}

    /** Class names bound to every bean of the module {@code type} belongs to; empty without a descriptor. */
    static List<String> of(Class<?> type) {
        return descriptor(type).map(DefaultInterceptors::bound).orElse(List.of());
    }

    /**
     * The lookup name the module of {@code type} maps {@code resRefName} to, in its declaration of
     * {@code interceptor} ({@code <interceptor>}'s {@code <resource-ref>}); empty if it maps none.
     */
    static Optional<String> resource(Class<?> type, String interceptor, String resRefName) {
        return descriptor(type).flatMap(root -> {
            var declared = root.getElementsByTagNameNS("*", "interceptor");
            for (int i = 0; i < declared.getLength(); i++) {
                var declaration = (Element) declared.item(i);
                if (!interceptor.equals(text(declaration, "interceptor-class"))) {
                    continue;
                }
                var references = declaration.getElementsByTagNameNS("*", "resource-ref");
                for (int j = 0; j < references.getLength(); j++) {
                    var reference = (Element) references.item(j);
                    var lookup = text(reference, "lookup-name");
                    if (resRefName.equals(text(reference, "res-ref-name")) && lookup != null && !lookup.isEmpty()) {
                        return Optional.of(lookup);
                    }
                }
            }
            return Optional.empty();
        });
    }

    private static Optional<Element> descriptor(Class<?> type) {
        try (var module = new URLClassLoader(
                new java.net.URL[] {type.getProtectionDomain().getCodeSource().getLocation()}, null)) {
            var descriptor = module.findResource("META-INF/ejb-jar.xml");
            if (descriptor == null) {
                return Optional.empty();
            }
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            try (var in = descriptor.openStream()) {
                return Optional.of(factory.newDocumentBuilder().parse(in).getDocumentElement());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot read the ejb-jar.xml of the module of " + type.getName(), e);
        }
    }

    private static List<String> bound(Element root) {
        var bound = new ArrayList<String>();
        var bindings = root.getElementsByTagNameNS("*", "interceptor-binding");
        for (int i = 0; i < bindings.getLength(); i++) {
            var binding = (Element) bindings.item(i);
            if ("*".equals(text(binding, "ejb-name"))) {
                var classes = binding.getElementsByTagNameNS("*", "interceptor-class");
                for (int j = 0; j < classes.getLength(); j++) {
                    bound.add(classes.item(j).getTextContent().strip());
                }
            }
        }
        return bound;
    }

    private static String text(Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS("*", name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
