"use client";
// A line chart of a few series over time, with an optional horizontal threshold and marked points: the one
// Recharts wrapper the analysis panel draws with. It is a picture for sighted readers (role="img" with a
// name); whoever uses it must show the same data as text beside it, as the measurements table does.
import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

export type TimeSeries = { key: string; name: string; color: string };
/** `at` in epoch milliseconds; a series' null is a gap (no data), never a zero. */
export type TimePoint = { at: number } & Record<string, number | null>;
export type TimeMark = { at: number; value: number; label: string };
/** A moment drawn as a vertical line whose label links somewhere (a deployment on an SLO chart). */
export type TimeEvent = { at: number; label: string; href: string; color: string };

type Props = {
  label: string;
  series: TimeSeries[];
  points: TimePoint[];
  formatValue: (value: number) => string;
  formatTime: (at: number) => string;
  threshold?: { value: number; label: string } | null;
  marks?: TimeMark[];
  events?: TimeEvent[];
  /** the value axis' range; Recharts' default starts at 0 */
  yDomain?: [number | "auto" | "dataMin" | "dataMax", number | "auto" | "dataMin" | "dataMax"];
  height?: number;
};

const THRESHOLD_COLOR = "#b91c1c";

export function TimeSeriesChart({
  label,
  series,
  points,
  formatValue,
  formatTime,
  threshold,
  marks = [],
  events = [],
  yDomain,
  height = 240,
}: Props) {
  return (
    <figure role="img" aria-label={label} className="m-0 rounded-lg border border-slate-200 bg-white p-2">
      {/* Keyboard navigation inside a picture is noise: the table beside it is the accessible view. */}
      <LineChart responsive accessibilityLayer={false} data={points} style={{ width: "100%", height }} margin={{ top: 16, right: 40 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={formatTime}
          tick={{ fontSize: 11, fill: "#475569" }}
        />
        <YAxis tickFormatter={formatValue} tick={{ fontSize: 11, fill: "#475569" }} width={72} domain={yDomain} />
        <Tooltip
          labelFormatter={(at) => formatTime(Number(at))}
          formatter={(value) => (typeof value === "number" ? formatValue(value) : "no data")}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => (
          // Not animated: the panel refetches on every tick, and a redrawn line would replay its animation each time.
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeWidth={2}
            dot={{ r: 2 }}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
        {threshold ? (
          <ReferenceLine
            y={threshold.value}
            ifOverflow="extendDomain"
            stroke={THRESHOLD_COLOR}
            strokeDasharray="6 4"
            label={{ value: threshold.label, position: "insideTopLeft", fill: THRESHOLD_COLOR, fontSize: 11 }}
          />
        ) : null}
        {marks.map((mark) => (
          <ReferenceDot
            key={`${mark.at}:${mark.label}`}
            x={mark.at}
            y={mark.value}
            r={6}
            ifOverflow="extendDomain"
            fill={THRESHOLD_COLOR}
            stroke="#fff"
            label={{ value: mark.label, position: "top", fill: THRESHOLD_COLOR, fontSize: 11 }}
          />
        ))}
        {/* Labels sit left of their line (recent events are near the right edge), staggered so neighbours stay readable. */}
        {events.map((event, index) => (
          <ReferenceLine
            key={`${event.at}:${event.href}`}
            x={event.at}
            stroke={event.color}
            strokeDasharray="2 3"
            label={(props: { viewBox?: { x?: number; y?: number } }) => (
              <a href={event.href} data-testid="chart-event">
                <text
                  x={(props.viewBox?.x ?? 0) - 3}
                  y={(props.viewBox?.y ?? 0) + 12 + (index % 3) * 13}
                  textAnchor="end"
                  fill={event.color}
                  fontSize={11}
                  style={{ cursor: "pointer" }}
                >
                  {event.label}
                </text>
              </a>
            )}
          />
        ))}
      </LineChart>
    </figure>
  );
}
