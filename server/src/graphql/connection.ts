import type { Page } from '@stratum/runtime';

/** A runtime page as a GraphQL connection (CONTRACT.md: `edges { cursor node } pageInfo totalCount`). */
export function toConnection(page: Page) {
  return {
    edges: page.records.map((node, i) => ({
      node,
      get cursor() {
        return page.cursorAt(i);
      },
    })),
    pageInfo: page.pageInfo,
    totalCount: page.totalCount ?? 0,
  };
}
