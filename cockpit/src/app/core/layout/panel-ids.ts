/** Every panel the component registry knows; layouts and deep links refer to panels by these ids. */
export const PanelIds = {
  agentList: 'agent-list',
  jobList: 'job-list',
  jobCreate: 'job-create',
  jobDetails: 'job-details',
  queues: 'queues',
  statistics: 'statistics',
  agentActivity: 'agent-activity',
  chatHistory: 'chat-history',
  requestViewer: 'request-viewer',
  graphTimeline: 'graph-timeline',
  todos: 'todos',
  databaseBrowser: 'database-browser',
  tokens: 'tokens',
  timelineScrubber: 'timeline-scrubber',
} as const;

export type PanelId = (typeof PanelIds)[keyof typeof PanelIds];
