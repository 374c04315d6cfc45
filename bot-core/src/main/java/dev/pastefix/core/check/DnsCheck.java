package dev.pastefix.core.check;

import dev.pastefix.core.check.DnsClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/**
 * Looks up the four public DNS records Skype for Business Online needs for a custom domain and
 * reports each as present, missing or wrong, with the exact record to add.
 */
public final class DnsCheck implements Check {
  public static final String ID = "dns";
  public static final String ENTRY_DNS = "server-unavailable-dns";
  public static final String ENTRY_PROPAGATION = "dns-propagation";
  public static final long RECORD_TTL = 3600;

  /** One record the service needs: SRV with a port, or CNAME. */
  public record Expected(
      String type, String prefix, String target, int priority, int weight, int port) {
    public Expected {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(target, "target");
    }

    static Expected srv(String prefix, String target, int port) {
      return new Expected("SRV", prefix, target, 100, 1, port);
    }

    static Expected cname(String prefix, String target) {
      return new Expected("CNAME", prefix, target, 0, 0, 0);
    }

    public String name(DomainName domain) {
      return prefix + "." + domain.ascii();
    }

    /** The record in zone-file form, as it should be added. */
    public String zoneLine(DomainName domain) {
      if (type.equals("SRV")) {
        return String.format(
            Locale.ROOT,
            "%s. %d IN SRV %d %d %d %s.",
            name(domain),
            RECORD_TTL,
            priority,
            weight,
            port,
            target);
      }
      return String.format(Locale.ROOT, "%s. %d IN CNAME %s.", name(domain), RECORD_TTL, target);
    }

    /** The same record as the fields a registrar's form asks for. */
    public String formFields() {
      if (type.equals("SRV")) {
        String[] parts = prefix.split("\\.");
        return String.format(
            Locale.ROOT,
            "type SRV, service %s, protocol %s, priority %d, weight %d, port %d, target %s, TTL 1"
                + " hour",
            parts[0],
            parts[1],
            priority,
            weight,
            port,
            target);
      }
      return "type CNAME, host " + prefix + ", points to " + target + ", TTL 1 hour";
    }
  }

  /** The records, in the order the table shows them. */
  public static final List<Expected> EXPECTED =
      List.of(
          Expected.srv("_sip._tls", "sipdir.online.lync.com", 443),
          Expected.srv("_sipfederationtls._tcp", "sipfed.online.lync.com", 5061),
          Expected.cname("sip", "sipdir.online.lync.com"),
          Expected.cname("lyncdiscover", "webdir.online.lync.com"));

  private final DnsClient client;

  public DnsCheck(DnsClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "DNS records for Skype for Business Online";
  }

  /** The records belong to the domain of the sign-in address. */
  @Override
  public CheckInput input() {
    return CheckInput.SIGN_IN_DOMAIN;
  }

  @Override
  public String usage() {
    return "check dns <domain>";
  }

  @Override
  public List<String> relatedEntryIds() {
    return List.of(ENTRY_DNS, ENTRY_PROPAGATION);
  }

  @Override
  public CheckVerdict run(String argument) {
    DomainName domain;
    try {
      domain = DomainName.parse(argument);
    } catch (DomainName.InvalidDomain e) {
      return CheckVerdict.builder(ID)
          .status(CheckStatus.UNRECOGNISED)
          .headline("I can only check a domain name: " + e.getMessage() + ".")
          .fix(
              FixStep.of(
                  "Give the domain of the sign-in addresses, for example:",
                  "check dns contoso.com"))
          .build();
    }
    return check(domain);
  }

  /** Looks the four records up for a validated domain. */
  public CheckVerdict check(DomainName domain) {
    CheckVerdict.Builder verdict = CheckVerdict.builder(ID).related(ENTRY_DNS);
    String resolver = client.describe();
    try {
      Answer apex = client.query(domain.absolute(), Type.SOA);
      if (apex instanceof Answer.NxDomain) {
        return verdict
            .status(CheckStatus.PROBLEM)
            .headline(
                "The domain "
                    + domain
                    + " does not exist in DNS (NXDOMAIN from "
                    + resolver
                    + "). Check the spelling, and that the domain is registered.")
            .line(CheckLine.problem("Domain " + domain, "not found (NXDOMAIN)"))
            .related(ENTRY_PROPAGATION)
            .note(propagationNote())
            .build();
      }
      if (apex instanceof Answer.Failed) {
        String rcode = ((Answer.Failed) apex).rcode();
        return verdict
            .status(CheckStatus.PROBLEM)
            .headline(
                "The DNS resolver "
                    + resolver
                    + " answered "
                    + rcode
                    + " for "
                    + domain
                    + ", so I could not check its records. Try again later, or point"
                    + " PASTEFIX_DNS_RESOLVER at a resolver that looks up public names.")
            .line(CheckLine.problem("Domain " + domain, "lookup failed (" + rcode + ")"))
            .build();
      }
      return records(verdict, domain, resolver);
    } catch (DnsClient.Unreachable e) {
      return verdict
          .status(CheckStatus.PROBLEM)
          .headline(
              "The DNS resolver "
                  + resolver
                  + " did not answer, so I could not check "
                  + domain
                  + ". Try again, or point PASTEFIX_DNS_RESOLVER at a resolver that answers.")
          .line(
              CheckLine.problem(
                  "Resolver " + resolver,
                  "no answer within " + client.timeout().toMillis() + " ms"))
          .build();
    }
  }

  /** Inspects the four records of a domain that exists; a fix for each one missing or wrong. */
  private CheckVerdict records(CheckVerdict.Builder verdict, DomainName domain, String resolver)
      throws DnsClient.Unreachable {
    List<String> wrongOrMissing = new ArrayList<>();
    for (Expected expected : EXPECTED) {
      CheckLine line = inspect(domain, expected);
      verdict.line(line);
      if (line.status() != CheckStatus.OK) {
        wrongOrMissing.add(expected.name(domain));
        verdict.fix(
            FixStep.of(
                (line.value().startsWith("missing") ? "Add " : "Change ")
                    + expected.type()
                    + " "
                    + expected.name(domain)
                    + " at the DNS host of "
                    + domain
                    + " ("
                    + expected.formFields()
                    + "):",
                expected.zoneLine(domain)));
      }
    }
    if (wrongOrMissing.isEmpty()) {
      verdict
          .status(CheckStatus.OK)
          .headline("All four Skype for Business Online records of " + domain + " are right.");
    } else {
      verdict
          .status(CheckStatus.PROBLEM)
          .headline(
              wrongOrMissing.size()
                  + " of 4 records of "
                  + domain
                  + " are missing or wrong: "
                  + String.join(", ", wrongOrMissing)
                  + ".");
    }
    return verdict.note("Asked the DNS resolver " + resolver + ".").note(propagationNote()).build();
  }

  private static String propagationNote() {
    return "Records added or changed recently can take up to 72 hours to be visible everywhere.";
  }

  /** The SRV record's line: present with the right target and port, wrong, or missing. */
  private static CheckLine srvLine(String label, Expected expected, List<Record> records) {
    List<String> found = new ArrayList<>();
    for (Record record : records) {
      if (record instanceof SRVRecord) {
        SRVRecord srv = (SRVRecord) record;
        String target = trim(srv.getTarget().toString());
        if (target.equalsIgnoreCase(expected.target()) && srv.getPort() == expected.port()) {
          return CheckLine.ok(label, "present: " + target + " port " + srv.getPort());
        }
        found.add(target + " port " + srv.getPort());
      }
    }
    if (!found.isEmpty()) {
      return CheckLine.problem(
          label,
          "wrong: points to "
              + String.join(", ", found)
              + " (should be "
              + expected.target()
              + " port "
              + expected.port()
              + ")");
    }
    return CheckLine.problem(label, "missing");
  }

  private CheckLine inspect(DomainName domain, Expected expected) throws DnsClient.Unreachable {
    String label = expected.type() + " " + expected.name(domain);
    int type = expected.type().equals("SRV") ? Type.SRV : Type.CNAME;
    Answer answer = client.query(expected.name(domain) + ".", type);
    if (answer instanceof Answer.Failed) {
      return CheckLine.problem(label, "lookup failed (" + ((Answer.Failed) answer).rcode() + ")");
    }
    List<Record> records =
        answer instanceof Answer.Records ? ((Answer.Records) answer).records() : List.of();
    if (type == Type.SRV) {
      return srvLine(label, expected, records);
    }
    for (Record record : records) {
      if (record instanceof CNAMERecord) {
        String target = trim(((CNAMERecord) record).getTarget().toString());
        if (target.equalsIgnoreCase(expected.target())) {
          return CheckLine.ok(label, "present: " + target);
        }
        return CheckLine.problem(
            label, "wrong: points to " + target + " (should be " + expected.target() + ")");
      }
    }
    if (answer instanceof Answer.NoData) {
      // The name exists without a CNAME: often an A record someone added instead.
      Answer a = client.query(expected.name(domain) + ".", Type.A);
      if (a instanceof Answer.Records) {
        List<String> addresses = new ArrayList<>();
        for (Record record : ((Answer.Records) a).records()) {
          if (record instanceof ARecord) {
            addresses.add(((ARecord) record).getAddress().getHostAddress());
          }
        }
        if (!addresses.isEmpty()) {
          return CheckLine.problem(
              label,
              "wrong: an A record ("
                  + String.join(", ", addresses)
                  + ") instead of a CNAME to "
                  + expected.target());
        }
      }
    }
    return CheckLine.problem(label, "missing");
  }

  private static String trim(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}
