package org.switchboard.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The default interceptors an EJB module binds in its {@code META-INF/ejb-jar.xml}
 * ({@code <interceptor-binding>} with {@code <ejb-name>*</ejb-name>}), read from the jar or class
 * directory a class was loaded from — the module the container deploys it in.
 */
final class DefaultInterceptors {

    private DefaultInterceptors() {}

    /** Class names bound to every bean of the module {@code type} belongs to; empty without a descriptor. */
    static List<String> of(Class<?> type) {
        try (var module = new URLClassLoader(
                new java.net.URL[] {type.getProtectionDomain().getCodeSource().getLocation()}, null)) {
            var descriptor = module.findResource("META-INF/ejb-jar.xml");
            if (descriptor == null) {
                return List.of();
            }
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root;
            try (var in = descriptor.openStream()) {
                root = factory.newDocumentBuilder().parse(in).getDocumentElement();
            }
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot read the ejb-jar.xml of the module of " + type.getName(), e);
        }
    }

    private static String text(Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS("*", name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
