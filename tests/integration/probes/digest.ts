// Registry probe of the digest preferences (issue 13; tests/integration/actions-registry.test.ts): a valid input
// aimed at AUMV, the victim organisation. A person sets only their own preferences; the organisation ids must be
// among their memberships (tests/integration/digest.test.ts tries another organisation's id).
import "@/lib/server/actions/digest";
import type { Seeded } from "../actions-registry.test";

export async function arrange(s: Seeded): Promise<{ probes: Record<string, () => unknown>; targetIds: string[] }> {
  return { probes: { "account.digestPreferences": () => ({ enabled: true, organisationIds: [s.org("aumv")] }) }, targetIds: [] };
}
