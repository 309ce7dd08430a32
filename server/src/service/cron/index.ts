// Kubernetes CronJob schedules: parsing as the API server does, words, next runs, time zones.
export { CRON_FIELDS, CRON_MACROS, parseCronSchedule, parseGoDuration, splitTimeZonePrefix } from './parse';
export type { CronError, CronFieldName, CronFieldSpec, CronParseResult, ParsedCron, ParsedCronField } from './parse';
export { canEverRun, describeCron, nextRuns, normalisedCronFields } from './describe';
export { robfigNext } from './robfig';
export { isUtcZone, isValidTimeZone, suggestTimeZone, timeZoneNames } from './timezone';
