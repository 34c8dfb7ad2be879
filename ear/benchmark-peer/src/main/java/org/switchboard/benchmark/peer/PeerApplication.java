package org.switchboard.benchmark.peer;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("api")
public class PeerApplication extends Application {}
