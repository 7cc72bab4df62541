package io.hubwarden.simulator.meta;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which task sets Graph accepts on an asset, and what a set implies. Ad accounts are strict: a task needs the tasks
 * beneath it (MANAGE needs ADVERTISE and ANALYZE, ADVERTISE needs ANALYZE), otherwise Graph answers 100/1752129.
 * Catalogs and pixels need at least one task. Pages accept any of their tasks. The ad-account rule follows the roles
 * Business Manager offers (admin, advertiser, analyst); its exact edges are an inference.
 */
final class TaskRules {

    /** The business roles Graph accepts as {@code role} or in {@code tasks} on people and invitations. */
    static final Set<String> BUSINESS_ROLES = Set.of(
            "ADMIN",
            "EMPLOYEE",
            "DEFAULT",
            "DEVELOPER",
            "MANAGE",
            "ADS_RIGHTS_REVIEWER",
            "FINANCE_EDITOR",
            "FINANCE_ANALYST",
            "FINANCE_EDIT",
            "FINANCE_VIEW",
            "PARTNER_CENTER_ADMIN",
            "PARTNER_CENTER_ANALYST",
            "PARTNER_CENTER_EDUCATION",
            "PARTNER_CENTER_MARKETING",
            "PARTNER_CENTER_OPERATIONS");

    private TaskRules() {}

    /** What is wrong with these tasks on this kind of asset, if anything. */
    static Optional<Problem> problem(AssetType type, List<String> tasks) {
        if (type.tasks().isEmpty()) {
            return Optional.of(new Problem(false, "Assigning people is not supported on " + type.graphType()));
        }
        for (String task : tasks) {
            if (!type.tasks().contains(task)) {
                return Optional.of(new Problem(
                        false,
                        "Param tasks[" + tasks.indexOf(task) + "] must be one of {" + String.join(", ", type.tasks())
                                + "} - got \"" + task + "\""));
            }
        }
        if (tasks.isEmpty() && type != AssetType.AD_ACCOUNT && type != AssetType.PAGE) {
            return Optional.of(new Problem(false, "The parameter tasks is required"));
        }
        if (type == AssetType.AD_ACCOUNT) {
            Set<String> set = Set.copyOf(tasks);
            boolean broken = (set.contains("MANAGE") && !(set.contains("ADVERTISE") && set.contains("ANALYZE")))
                    || (set.contains("ADVERTISE") && !set.contains("ANALYZE"));
            if (broken) {
                return Optional.of(
                        new Problem(true, "The task combination " + tasks + " is not supported on an ad account"));
            }
        }
        return Optional.empty();
    }

    /** The tasks granted when none are named: ad accounts and pages default to their full set of everyday tasks. */
    static List<String> defaults(AssetType type) {
        if (type == AssetType.AD_ACCOUNT) {
            return List.of("MANAGE", "ADVERTISE", "ANALYZE");
        }
        return List.of("MANAGE", "CREATE_CONTENT", "MODERATE", "MESSAGING", "ADVERTISE", "ANALYZE");
    }

    /** The tasks a set grants in effect ({@code permitted_tasks}): each task with the ones it implies. */
    static List<String> permitted(AssetType type, List<String> tasks) {
        Set<String> permitted = new LinkedHashSet<>(tasks);
        if (type == AssetType.AD_ACCOUNT) {
            if (permitted.contains("MANAGE") || permitted.contains("ADVERTISE")) {
                permitted.add("DRAFT");
            }
        } else if (type == AssetType.PAGE) {
            List<String> ladder = List.of("MANAGE", "CREATE_CONTENT", "MODERATE", "ADVERTISE", "ANALYZE");
            int highest = ladder.size();
            for (String task : tasks) {
                int rank = ladder.indexOf(task);
                if (rank >= 0 && rank < highest) {
                    highest = rank;
                }
            }
            for (int i = highest; i < ladder.size(); i++) {
                permitted.add(ladder.get(i));
            }
            if (permitted.contains("MODERATE")) {
                permitted.add("MESSAGING");
            }
        }
        List<String> ordered = type.tasks().stream().filter(permitted::contains).toList();
        return ordered;
    }

    /** A refused task set: {@code combination} problems answer subcode 1752129. */
    record Problem(boolean combination, String message) {}

    static EnumSet<AssetType> assignable() {
        return EnumSet.of(AssetType.AD_ACCOUNT, AssetType.PAGE, AssetType.PRODUCT_CATALOG, AssetType.PIXEL);
    }
}
