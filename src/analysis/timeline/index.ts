// The timeline model: built in the parse worker from the parser's events (TimelineSink),
// sent per generation as transferable chunks (chunk.ts), and queried on the page
// (TimelineModel implements TimelineQueries, query.ts). See docs/timeline-model.md.
export * from './chunk';
export * from './query';
