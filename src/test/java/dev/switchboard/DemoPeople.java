package dev.switchboard;

import java.util.List;

/**
 * The simulator's demo people (src/main/resources/sim/demo-org.json), by the role each plays, for every test
 * that acts as one of them. {@code DemoOrgTest} checks this list against the seed.
 */
public final class DemoPeople {

  /** Full administrator. */
  public static final String ANA = "ana.admin@example.com";
  /** User administrator. */
  public static final String UMA = "uma.useradmin@example.com";
  /** Read-only administrator. */
  public static final String RITA = "rita.readonly@example.com";
  /** Location administrator of Austin and Denver (by policy). */
  public static final String LEO = "leo.locadmin@example.com";
  /** On-call engineer (by policy). */
  public static final String OMAR = "omar.oncall@example.com";
  /** Help desk (by policy). */
  public static final String HANA = "hana.helpdesk@example.com";
  /** No rights. */
  public static final String PAT = "pat.plain@example.com";
  /** No rights; custom transfer numbers. */
  public static final String ALICE = "alice@example.com";
  /** No rights; a second Alice. */
  public static final String ALICE_JONES = "alice.jones@example.com";
  /** No rights; no custom transfer numbers. */
  public static final String BOB = "bob@example.com";
  /** No rights; no Webex Calling. */
  public static final String CARL = "carl.nocalling@example.com";
  /** Location administrator of HQ in Control Hub only: Webex shows no role for it, the policy does not name Lou. */
  public static final String LOU = "lou.chlocadmin@example.com";
  /** Another organisation. */
  public static final String EVE = "eve@other.example.com";
  /** Partner administrator (Partner Co), full admin here through the policy's externalAdmins. */
  public static final String PIA = "pia.partner@partner.example";
  /** Partner administrator (Partner Co) the policy does not name. */
  public static final String PAUL = "paul.partner@partner.example";

  /** Everyone, in the seed's order. */
  public static final List<String> ALL = List.of(ANA, UMA, RITA, LEO, OMAR, HANA, PAT, ALICE, ALICE_JONES, BOB, CARL, LOU, EVE,
      PIA, PAUL);

  private DemoPeople() {}
}
