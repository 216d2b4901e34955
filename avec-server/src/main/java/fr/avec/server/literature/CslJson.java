package fr.avec.server.literature;

import fr.avec.verify.source.AuthorNames;
import fr.avec.verify.source.Reference;
import fr.avec.verify.source.ReferenceFormat;
import fr.avec.verify.source.UnreadableReferences;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads CSL-JSON (the Citation Style Language's data format, exported by Zotero and the PubMed « cite »
 * button): an array of items, or one item, with {@code title}, {@code author} [{family, given} or {literal}],
 * {@code container-title-short}/{@code container-title}, {@code issued.date-parts}, {@code volume}, {@code issue},
 * {@code page}, {@code DOI}, {@code PMID}, {@code abstract}.
 */
final class CslJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CslJson() {
    }

    static List<Reference> read(byte[] bytes) throws UnreadableReferences {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new UnreadableReferences("malformed CSL-JSON");
        }
        List<Reference> out = new ArrayList<>();
        if (root.isArray()) {
            for (JsonNode item : root) {
                out.add(item(item));
            }
        } else if (root.isObject()) {
            out.add(item(root));
        } else {
            throw new UnreadableReferences("CSL-JSON must be an array of items");
        }
        return out;
    }

    private static Reference item(JsonNode item) throws UnreadableReferences {
        if (!item.isObject()) {
            throw new UnreadableReferences("a CSL-JSON item must be an object");
        }
        List<String> authors = new ArrayList<>();
        for (JsonNode a : item.path("author")) {
            String literal = a.path("literal").asString("");
            authors.add(!literal.isBlank() ? literal : AuthorNames.vancouver(a.path("family").asString(""), a.path("given").asString("")));
        }
        JsonNode parts = item.path("issued").path("date-parts").path(0).path(0);
        String year = parts.isMissingNode() ? item.path("issued").path("raw").asString("") : parts.asString("");
        if (year.length() > 4) {
            year = year.substring(0, 4);
        }
        String journal = item.path("container-title-short").asString("");
        if (journal.isBlank()) {
            journal = item.path("journalAbbreviation").asString(item.path("container-title").asString(""));
        }
        return new Reference(item.path("title").asString("").replaceAll("[.]$", ""), authors, journal, year, text(item, "volume"),
                text(item, "issue"), text(item, "page"), text(item, "DOI"), text(item, "PMID"), item.path("abstract").asString(""),
                ReferenceFormat.CSL_JSON);
    }

    /** CSL-JSON allows numbers or strings for volume, issue, page. */
    private static String text(JsonNode item, String field) {
        JsonNode v = item.path(field);
        return v.isNumber() ? v.asString() : v.asString("");
    }
}
