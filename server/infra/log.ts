import pino from "pino";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

/**
 * What the code logs through: a message and, optionally, fields. An error goes in as `{ err: error }`, which
 * pino's error serializer writes with its type, message, stack and cause.
 */
export type Log = Record<Exclude<LogLevel, "silent">, (message: string, fields?: Record<string, unknown>) => void>;

/**
 * Never written, wherever they appear in a log's fields: session and voter cookies (they are the identity), coupon
 * codes (they are the prize) and printed ballot codes (each is a vote).
 */
export const REDACTED_PATHS = [
  "cookie",
  "*.cookie",
  "headers.cookie",
  "*.headers.cookie",
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
  "couponCode",
  "*.couponCode",
  "ballotCode",
  "*.ballotCode",
  "code",
  "input.code",
];

/**
 * JSON lines through pino, on stdout unless told otherwise (a test reads them): one object per event (`time`,
 * `level`, `message`, fields). pino rather than hand-written JSON for its error serializer (stack and cause),
 * its redaction and its levels.
 */
export function createLog(level: LogLevel = "info", destination: pino.DestinationStream = pino.destination({ dest: 1, sync: true })): Log {
  const logger = pino({
    level,
    messageKey: "message",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  }, destination); // stdout synchronously: a line logged just before process.exit is written
  const at = (write: pino.LogFn) => (message: string, fields?: Record<string, unknown>) => write(fields ?? {}, message);
  return {
    debug: at(logger.debug.bind(logger)),
    info: at(logger.info.bind(logger)),
    warn: at(logger.warn.bind(logger)),
    error: at(logger.error.bind(logger)),
  };
}
