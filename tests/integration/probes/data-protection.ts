// Registry probes of the data-protection actions (issue 8; tests/integration/actions-registry.test.ts):
// valid inputs aimed at AUMV, the victim organisation. The retention applies to the organisation of the URL's
// slug, so the input names no object of AUMV.
import "@/lib/server/actions/organisations";

export async function arrange(): Promise<{ probes: Record<string, () => unknown>; targetIds: string[] }> {
  return { probes: { "organisations.setRetention": () => ({ months: 36 }) }, targetIds: [] };
}
