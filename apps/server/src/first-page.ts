import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { serialize } from '@estate/api';
import { FIRST_PAGE_ELEMENT_ID, firstSearchPage, readSearchValues, toSearchFilters } from '@estate/api/schemas';
import { TRPCError } from '@trpc/server';
import type { Logger } from './logger.js';
import { type createTrpcHandler, writeResponse } from './trpc-handler.js';

/** The search page's address, as the web app routes it. */
export const SEARCH_PAGE = '/search';

/** JSON that stays inside its `<script>` element whatever its strings hold. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The search page's HTML with its first page of results in it, as `post.search` answers this
 * request's user. On a slow phone the app would otherwise ask for them only once its code has
 * downloaded and run, and draw them a round trip later. The app takes them only if they were
 * made for the same search (search-loader.ts). Any refusal (bad filters, too many searches)
 * leaves the page as built: the app then asks, and shows the answer as usual.
 */
export function searchPageWithResults(options: {
  webDistDir: string;
  callerFor: ReturnType<typeof createTrpcHandler>['callerFor'];
  logger: Logger;
}) {
  const file = path.join(options.webDistDir, 'index.html');
  if (!existsSync(file)) return null;
  const template = readFileSync(file, 'utf8');
  // Where the results go: before `</body>`, or at the end of a page without one.
  const bodyEnd = template.indexOf('</body>');
  const end = bodyEnd === -1 ? template.length : bodyEnd;

  return async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    // The results are this user's (saved or not): no shared cache may keep the page.
    const resHeaders = new Headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    let html = template;
    if (req.method === 'GET') {
      const input = firstSearchPage(toSearchFilters(readSearchValues(new URL(req.url ?? '/', 'http://estate').searchParams)));
      try {
        const page = await (await options.callerFor(req, requestId, resHeaders)).post.search(input);
        const data = `<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">${jsonForScript({ input, page: serialize(page) })}</script>`;
        html = template.slice(0, end) + data + template.slice(end);
      } catch (error) {
        if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR')
          options.logger.error({ requestId, err: error }, '[web] the search page was served without its first results');
      }
    }
    await writeResponse(req, res, new Response(req.method === 'HEAD' ? null : html, { headers: resHeaders }));
  };
}
