/**
 * Communiquer and the usage charter (issue #9): the charter with its catalogue of approved uses and its
 * acknowledgements, incident reports (« Signaler un problème ») and their triage, and experience sharing.
 * Subpackages {@code notice} and {@code transparency} belong to the patient notice and transparency register.
 */
package fr.avec.server.communicate;
