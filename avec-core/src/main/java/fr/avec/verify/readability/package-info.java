/**
 * Readability of patient material against its audience: the Kandel–Moles score (Flesch adapted to French), and
 * the easy-to-read rules of « Facile à lire et à comprendre » (FALC). See {@link fr.avec.verify.readability.AudienceReadability}.
 */
package fr.avec.verify.readability;
