package fr.avec.communicate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The patient information notice about generative AI, generated from the register of AI tools: which
 * tools, what for, where the data goes, the human validation, the patient's rights and how to object.
 * Written in standard French, in easy-to-read French (FALC: short sentences, everyday words, one idea
 * per sentence) and in English. The server renders it as a leaflet or a waiting-room poster.
 */
public final class PatientNotice {

    /** The register entry of one tool, as the patient needs to know it. */
    public record Tool(String name, String purposeFr, String purposeEn, Hosting hosting) {
        public Tool {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(hosting, "hosting");
        }
    }

    /**
     * Where a tool runs, in the words a patient understands; mirrors the gateway's confidentiality levels.
     * Public services are absent on purpose: they never receive patient data, so the notice does not list them.
     */
    public enum Hosting {
        ON_PREMISE("sur les serveurs de l'établissement", "dans l'hôpital", "on the hospital's own servers"),
        HDS("chez un hébergeur certifié pour les données de santé (HDS), en France", "chez un hébergeur agréé pour la santé",
                "at a host certified for health data (HDS) in France"),
        EU_CONTRACT("chez un prestataire européen lié par contrat, sans votre nom ni vos identifiants",
                "chez une entreprise en Europe, sans votre nom", "at a European provider under contract, without your name or identifiers");

        private final String standard;
        private final String easy;
        private final String english;

        Hosting(String standard, String easy, String english) {
            this.standard = standard;
            this.easy = easy;
            this.english = english;
        }
    }

    /** The three ways of writing the notice. */
    public enum Version { STANDARD_FR, EASY_FR, ENGLISH }

    /** A titled part of the notice: paragraphs, then bullet points. */
    public record Section(String heading, List<String> paragraphs, List<String> bullets) {
        public Section {
            paragraphs = List.copyOf(paragraphs);
            bullets = List.copyOf(bullets);
        }
    }

    /** The notice ready to render. */
    public record Notice(Version version, String title, List<Section> sections) {
        public Notice {
            sections = List.copyOf(sections);
        }

        /** The whole notice as plain text (for readability checks and the text export). */
        public String plainText() {
            StringBuilder text = new StringBuilder(title).append("\n\n");
            for (Section section : sections) {
                text.append(section.heading()).append("\n");
                section.paragraphs().forEach(p -> text.append(p).append("\n"));
                section.bullets().forEach(b -> text.append("- ").append(b).append("\n"));
                text.append("\n");
            }
            return text.toString().strip();
        }
    }

    /**
     * Where the notice applies and whom to contact.
     *
     * @param establishment the establishment or practice name
     * @param contact       how to reach the team to object or ask (desk, phone or e-mail)
     * @param dpoContact    the data protection officer's contact
     */
    public record Context(String establishment, String contact, String dpoContact) {
        public Context {
            Objects.requireNonNull(establishment, "establishment");
            Objects.requireNonNull(contact, "contact");
            Objects.requireNonNull(dpoContact, "dpoContact");
        }
    }

    private PatientNotice() {
    }

    /** Writes the notice for the tools in use; a register without tools has nothing to announce. */
    public static Notice write(Version version, Context context, List<Tool> tools) {
        if (tools.isEmpty()) {
            throw new IllegalArgumentException("no AI tool in the register: there is nothing to inform patients of");
        }
        return switch (version) {
            case STANDARD_FR -> standard(context, tools);
            case EASY_FR -> easy(context, tools);
            case ENGLISH -> english(context, tools);
        };
    }

    private static Notice standard(Context context, List<Tool> tools) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Ce que nous faisons", List.of(
                "À " + context.establishment() + ", des professionnels de santé peuvent s'aider d'outils d'intelligence "
                        + "artificielle (IA) générative, par exemple pour rédiger le compte rendu d'une consultation.",
                "Ces outils proposent un texte ; ils ne prennent aucune décision sur vos soins."),
                tools.stream().map(t -> t.name() + " : " + lower(t.purposeFr()) + ", hébergé " + t.hosting().standard + ".").toList()));
        sections.add(new Section("Un professionnel vérifie toujours", List.of(
                "Chaque texte proposé par l'IA est relu, corrigé si besoin et validé par le professionnel qui vous suit. "
                        + "Les documents concernés portent la mention de l'assistance de l'IA et le nom de la personne qui les a validés."),
                List.of()));
        sections.add(new Section("Vos données", List.of(
                "Avant tout envoi vers un outil qui n'est pas installé dans l'établissement, les informations qui permettent de vous "
                        + "identifier (nom, prénom, date de naissance, adresse, numéros de sécurité sociale ou de dossier) sont remplacées "
                        + "par des pseudonymes. Aucun outil grand public ne reçoit de données vous concernant.",
                "Un enregistrement de votre voix n'est fait qu'avec votre accord. Chaque utilisation est tracée."),
                List.of()));
        sections.add(new Section("Vos droits", List.of(
                "Vous pouvez vous opposer à l'utilisation de l'IA pour votre prise en charge, sans avoir à vous justifier et sans "
                        + "aucune conséquence sur vos soins : dites-le au professionnel ou contactez " + context.contact() + ".",
                "Vous disposez aussi des droits d'accès, de rectification et d'opposition prévus par le RGPD. Pour les exercer, "
                        + "contactez le délégué à la protection des données : " + context.dpoContact() + ". Vous pouvez adresser une "
                        + "réclamation à la CNIL (www.cnil.fr)."),
                List.of()));
        return new Notice(Version.STANDARD_FR, "Information : l'intelligence artificielle dans vos soins", sections);
    }

    private static Notice easy(Context context, List<Tool> tools) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Nous utilisons un outil d'intelligence artificielle", List.of(
                "L'intelligence artificielle est un programme d'ordinateur.",
                "Elle aide les soignants à écrire.",
                "Par exemple, elle aide à écrire le compte rendu de votre consultation."),
                tools.stream().map(t -> t.name() + " est installé " + t.hosting().easy + ".").toList()));
        sections.add(new Section("Un soignant vérifie toujours", List.of(
                "Le soignant lit le texte.",
                "Il corrige les erreurs.",
                "Le programme ne décide jamais de vos soins."),
                List.of()));
        sections.add(new Section("Vos informations sont protégées", List.of(
                "Nous cachons votre nom avant d'utiliser le programme.",
                "Nous cachons aussi votre adresse et vos numéros.",
                "Nous enregistrons votre voix seulement si vous êtes d'accord."),
                List.of()));
        sections.add(new Section("Vous pouvez dire non", List.of(
                "Vous pouvez refuser l'intelligence artificielle.",
                "Vous serez soigné de la même façon.",
                "Dites-le au soignant.",
                "Vous pouvez aussi contacter " + context.contact() + "."),
                List.of()));
        return new Notice(Version.EASY_FR, "L'intelligence artificielle et vous", sections);
    }

    private static Notice english(Context context, List<Tool> tools) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("What we do", List.of(
                "At " + context.establishment() + ", health professionals may use generative artificial intelligence (AI) tools, "
                        + "for example to draft the report of a consultation.",
                "These tools propose a text; they make no decision about your care."),
                tools.stream().map(t -> t.name() + ": " + lower(t.purposeEn() == null ? t.purposeFr() : t.purposeEn())
                        + ", hosted " + t.hosting().english + ".").toList()));
        sections.add(new Section("A professional always checks", List.of(
                "Every text proposed by AI is read, corrected when needed and validated by the professional caring for you. "
                        + "Such documents state that AI assisted and name the person who validated them."),
                List.of()));
        sections.add(new Section("Your data", List.of(
                "Before anything is sent to a tool that is not installed in the establishment, what identifies you (name, date of "
                        + "birth, address, social security or record numbers) is replaced by pseudonyms. No consumer service receives "
                        + "data about you.",
                "Your voice is recorded only with your consent. Every use is logged."),
                List.of()));
        sections.add(new Section("Your rights", List.of(
                "You may object to the use of AI in your care, without giving a reason and without any consequence for your care: "
                        + "tell the professional or contact " + context.contact() + ".",
                "You also have the rights of access, rectification and objection under the GDPR. To exercise them, contact the data "
                        + "protection officer: " + context.dpoContact() + ". You may lodge a complaint with the CNIL (www.cnil.fr)."),
                List.of()));
        return new Notice(Version.ENGLISH, "Information: artificial intelligence in your care", sections);
    }

    private static String lower(String text) {
        return text == null || text.isEmpty() ? "" : text.substring(0, 1).toLowerCase(Locale.FRENCH) + text.substring(1);
    }
}
