package fr.avec.data.bdpm;

/**
 * One line of CIS_GENER_bdpm.txt: membership of a product in a generic group.
 *
 * @param groupId the generic group identifier
 * @param label   the group label, e.g. « CIMETIDINE 200 mg - TAGAMET 200 mg, comprimé pelliculé »
 * @param cis     the product's CIS code
 * @param type    0 princeps, 1 generic, 2 complementary posology, 4 substitutable generic
 * @param order   the sort order within the group
 */
public record BdpmGenericGroup(String groupId, String label, String cis, int type, int order) {
}
