package fr.avec.server.gateway;

import java.util.Map;

/**
 * Confidentiality levels declared outside the configuration, by the register of AI tools. The gateway
 * applies a declared level only when it trusts the upstream LESS than its configured level: a register
 * edit in the web application may restrict what an upstream receives, never widen it (widening stays a
 * change of the deployment's configuration).
 */
public interface UpstreamLevels {

    /** The declared level by upstream name; upstreams without a declaration are absent. Called per request: keep it cheap. */
    Map<String, ConfidentialityLevel> declared();
}
