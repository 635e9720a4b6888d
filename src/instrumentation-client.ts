// Runs in the browser before Next starts its router (Next's instrumentation-client convention).
//
// React DOM's module is evaluated here, in the task that evaluates the entry scripts. Next then
// starts its router and the hydration in a task of its own, after the empty script of the root
// layout (src/app/layout.tsx) yields. Without the split, React DOM and the router were evaluated in
// one task of about 70 ms on this machine at 1x CPU (about 290 ms at Lighthouse's 4x slowdown,
// nearly all of it counted as blocking time, on every screen); split, each part is about half.
import * as ReactDomClient from "react-dom/client";

/** Exported so that the bundler keeps the import (and its evaluation) here. */
export const startedReactDom = ReactDomClient;
