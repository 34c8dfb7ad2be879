package org.switchboard.it;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import java.net.URL;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the provisioned WildFly with switchboard.ear deployed, and hands each test the ways
 * in: the REST API, the tables, and a plain (non-XA) JMS connection factory for probing the broker.
 */
@ExtendWith(ArquillianExtension.class)
abstract class InContainerTest {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    Api api;
    Tables tables;

    @BeforeEach
    void connect() {
        api = new Api(base);
        tables = new Tables(dataSource);
    }
}
