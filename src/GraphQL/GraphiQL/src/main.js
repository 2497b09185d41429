// GraphiQL for Cockpit: queries and mutations over HTTP POST, subscriptions over graphql-transport-ws on the same path.
// Plain createElement instead of JSX keeps the build free of a React compiler plugin.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';

const endpointPath = document.querySelector('meta[name="cockpit-graphql-endpoint"]')?.getAttribute('content') || '/graphql';
const httpUrl = new URL(endpointPath, window.location.href);
const wsUrl = new URL(httpUrl);
wsUrl.protocol = httpUrl.protocol === 'https:' ? 'wss:' : 'ws:';

// lazy: the socket opens on the first subscription and closes when none is left, so browsing the schema costs nothing.
const wsClient = createClient({ url: wsUrl.href, lazy: true, retryAttempts: 3 });

const fetcher = createGraphiQLFetcher({ url: httpUrl.href, wsClient });

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }),
);
