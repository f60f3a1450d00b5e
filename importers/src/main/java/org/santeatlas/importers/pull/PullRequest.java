package org.santeatlas.importers.pull;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What to pull: from which server, as whom, for which org unit(s), data sets and dates. Values are those
 * of the periods that lie wholly between {@code start} and {@code end}, as DHIS2's {@code startDate} and
 * {@code endDate} select them.
 */
public record PullRequest(ServerUrl server, Dhis2Credentials credentials, String orgUnit, OrgUnitScope scope,
                          List<String> dataSets, LocalDate start, LocalDate end) {

    public PullRequest {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(orgUnit, "orgUnit");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        // Sorted and without repeats: the same pull asked in another order is the same pull (and resumes).
        dataSets = List.copyOf(new TreeSet<>(dataSets));
        orgUnit = orgUnit.strip();
    }
}
