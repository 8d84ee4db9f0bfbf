package dev.endpointguard.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;

/**
 * The entries of managed prefix lists, one GetManagedPrefixListEntries series (pages of up to 100 entries) per distinct
 * list: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetManagedPrefixListEntries.html. A list that cannot
 * be read is reported and recorded with why, never thrown.
 */
final class PrefixListReader {
  /** GetManagedPrefixListEntries MaxResults: 1 to 100. */
  static final int PAGE_SIZE = 100;

  /** A list's current entries (CIDR blocks), or why they are unknown. */
  record Entries(List<String> cidrs, Optional<String> failure) {
    Entries {
      cidrs = List.copyOf(cidrs);
    }
  }

  private final Ec2Client ec2;

  PrefixListReader(Ec2Client ec2) {
    this.ec2 = ec2;
  }

  /** Prefix list id → its entries, for each of {@code prefixListIds}. */
  Map<String, Entries> read(Collection<String> prefixListIds, Consumer<InventoryProblem> problems) {
    Map<String, Entries> read = new TreeMap<>();
    for (String id : new TreeSet<>(prefixListIds)) {
      try {
        List<String> cidrs = new ArrayList<>();
        ec2.getManagedPrefixListEntriesPaginator(b -> b.prefixListId(id).maxResults(PAGE_SIZE)).entries()
            .stream().map(PrefixListEntry::cidr).filter(c -> c != null).forEach(cidrs::add);
        read.put(id, new Entries(cidrs, Optional.empty()));
      } catch (SdkException e) {
        String why = "GetManagedPrefixListEntries failed: " + e.getMessage();
        problems.accept(InventoryProblem.incomplete(id, "could not read the prefix list's entries, so the clients of"
            + " endpoints whose subnets route it are unknown: " + e.getMessage()));
        read.put(id, new Entries(List.of(), Optional.of(why)));
      }
    }
    return read;
  }
}
