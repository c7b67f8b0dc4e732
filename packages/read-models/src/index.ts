export * from './cycle-summaries/cycle-summaries.projection';
export * from './projections';
