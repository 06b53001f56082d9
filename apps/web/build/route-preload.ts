import path from 'node:path';
import type { HtmlTagDescriptor, Plugin, ResolvedConfig, Rollup } from 'vite';

/** An address pattern (a regular expression's source) and the page module its route loads lazily. */
export type RoutePages = Record<string, string>;

/** A chunk's JavaScript and CSS with all it imports statically, as the browser will need them. */
function filesOf(bundle: Rollup.OutputBundle, fileName: string, found = new Set<string>()): Set<string> {
  const chunk = bundle[fileName];
  if (chunk?.type !== 'chunk' || found.has(fileName)) return found;
  found.add(fileName);
  for (const css of chunk.viteMetadata?.importedCss ?? []) found.add(css);
  for (const imported of chunk.imports) filesOf(bundle, imported, found);
  return found;
}

/**
 * The first page's code is requested by the router only once the whole entry has downloaded
 * and run; on a slow phone that is a second later. This adds a small inline script to
 * index.html that preloads, for the address being opened, its page's chunks and CSS alongside
 * the entry (each page's list is computed from the build, so it stays right).
 */
export function routePreload(pages: RoutePages): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'estate:route-preload',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }): HtmlTagDescriptor[] {
        if (!bundle || !entry) return [];
        const initial = filesOf(bundle, entry.fileName);
        const byPattern: Record<string, string[]> = {};
        for (const [pattern, page] of Object.entries(pages)) {
          const id = path.resolve(config.root, page);
          const chunk = Object.values(bundle).find((output) => output.type === 'chunk' && output.facadeModuleId === id);
          if (!chunk) throw new Error(`route-preload: no chunk for ${page}; is it still loaded lazily?`);
          byPattern[pattern] = [...filesOf(bundle, chunk.fileName)].filter((file) => !initial.has(file)).map((file) => config.base + file);
        }
        return [{ tag: 'script', children: preloadScript(byPattern), injectTo: 'head-prepend' }];
      },
    },
  };
}

/** Runs as index.html is parsed: crossorigin as Vite's own links, so the entry's imports reuse these. */
function preloadScript(byPattern: Record<string, string[]>): string {
  return `(function (pages) {
  for (var pattern in pages) {
    if (!new RegExp(pattern).test(location.pathname)) continue;
    pages[pattern].forEach(function (href) {
      var link = document.createElement('link');
      var css = /\\.css$/.test(href);
      link.rel = css ? 'preload' : 'modulepreload';
      if (css) link.as = 'style';
      link.crossOrigin = '';
      link.href = href;
      document.head.appendChild(link);
    });
    return;
  }
})(${JSON.stringify(byPattern)});`;
}
