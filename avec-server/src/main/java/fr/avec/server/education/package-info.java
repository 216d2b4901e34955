/**
 * The patient education material use case: topic, audience (adult, child, easy-to-read French « FALC », another
 * language) and format (leaflet, care-pathway sheet); a draft through the gateway; the clinical checks against the
 * professional's sources plus readability for the audience; illustrations generated (when an image upstream is
 * configured) or uploaded, each explicitly checked; validation and exports (A4 leaflet PDF, HTML).
 */
package fr.avec.server.education;
