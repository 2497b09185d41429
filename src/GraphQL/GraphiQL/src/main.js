// GraphiQL for Cockpit: queries and mutations over HTTP POST, subscriptions over graphql-transport-ws on the same path.
// Plain createElement instead of JSX keeps the build free of a React compiler plugin.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import { parse } from 'graphql';
import { withCsrfToken } from './csrf.js';

const endpointPath = document.querySelector('meta[name="cockpit-graphql-endpoint"]')?.getAttribute('content') || '/graphql';
const httpUrl = new URL(endpointPath, window.location.href);
const wsUrl = new URL(httpUrl);
wsUrl.protocol = httpUrl.protocol === 'https:' ? 'wss:' : 'ws:';

// lazy: the socket opens on the first subscription and closes when none is left, so browsing the schema costs nothing.
// It needs no CSRF token: the upgrade carries the session cookie and the silo checks its Origin (docs/adr/0017).
const wsClient = createClient({ url: wsUrl.href, lazy: true, retryAttempts: 3 });

// Every POST carries the session's CSRF token when this browser has a session (e.g. the cockpit opened one), as the
// cockpit's own requests do; without a session there is nothing to send and none is asked for (docs/adr/0017).
const toolkitFetcher = createGraphiQLFetcher({ url: httpUrl.href, wsClient, fetch: withCsrfToken(window.fetch.bind(window), () => document.cookie) });

// The toolkit sends an operation over the socket only when GraphiQL's parsed document says it is a subscription, and
// GraphiQL re-parses the editor after a delay: Run pressed right after typing (or pasting) a subscription sent it over
// HTTP, where it hung with a spinner and no socket. The document is parsed here from the very text being sent.
function parsedOrNull(query) {
  try {
    return parse(query);
  } catch {
    return null;
  }
}
const fetcher = (params, options) =>
  toolkitFetcher(params, { ...options, documentAST: parsedOrNull(params.query) ?? options?.documentAST });

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }),
);
