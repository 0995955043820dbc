import { getCaller } from "@/lib/server/access";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

/** A section that later work fills: an honest empty state, behind the same access check as every page. */
export function placeholderPage(title: string, empty: string, text: string) {
  return async function Page({ params }: { params: Promise<{ org: string }> }) {
    const { org } = await params;
    await getCaller(org);
    return (
      <>
        <PageHeader title={title} />
        <EmptyState title={empty}>{text}</EmptyState>
      </>
    );
  };
}
