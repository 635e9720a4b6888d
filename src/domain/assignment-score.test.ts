import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AssignmentJob,
  PREFERRED_BONUS,
  type ScoringCandidate,
  assignmentReasons,
  normaliseWeights,
  rankCandidates,
  reasonsInWords,
  weightsProblem,
  workingMinutesOn,
} from "./assignment-score";
import { ASSIGNMENT_FACTORS, DEFAULT_ASSIGNMENT_WEIGHTS } from "./business-settings";
import { distanceKm } from "./geo";
import { DAMAGE_TYPES } from "./damage";
import { WEEKDAYS } from "./week";

const NOW = new Date("2026-03-03T15:00:00Z");
const DENVER = { latitude: 39.7392, longitude: -104.9903 };
const BOULDER = { latitude: 40.015, longitude: -105.2705 };
const WEEKDAY_HOURS = { tuesday: { start: "08:00", end: "16:00" }, wednesday: { start: "08:00", end: "16:00" } };
const job: AssignmentJob = { site: DENVER, damageType: "CRACK", day: "tuesday" };

const tech = (id: string, extra: Partial<ScoringCandidate> = {}): ScoringCandidate => ({
  technicianId: id,
  name: id,
  isActive: true,
  blockedByCustomer: false,
  preferredByCustomer: false,
  notAllowed: null,
  openWork: 0,
  base: DENVER,
  last: null,
  skills: [],
  pastRepairsHere: 0,
  workingHours: WEEKDAY_HOURS,
  plannedMinutes: 0,
  ...extra,
});

const factor = (r: ReturnType<typeof rankCandidates>, id: string, name: string) =>
  r.ranked.find((c) => c.technicianId === id)!.factors.find((f) => f.factor === name)!;

describe("smart assignment scoring", () => {
  it("ranks by the weighted factors and says each contribution in words", () => {
    const r = rankCandidates(
      job,
      [
        tech("ann", { openWork: 3, skills: ["CRACK"], pastRepairsHere: 4 }),
        tech("bob", { openWork: 7, base: BOULDER }),
        tech("cat", { openWork: 5, plannedMinutes: 240 }),
      ],
      DEFAULT_ASSIGNMENT_WEIGHTS,
      NOW,
    );
    expect(r.ranked.map((c) => c.technicianId)).toEqual(["ann", "cat", "bob"]);
    const ann = r.ranked[0]!;
    expect(ann.factors.map((f) => f.words)).toEqual([
      "3 open repairs (fewest of 3): +0.30",
      "0.0 km from base: +0.30",
      "skilled at crack: +0.20",
      "4 past repairs at this customer: +0.10",
      "8 h of 8 h free on Tuesday: +0.10",
    ]);
    expect(ann.total).toBe(1);
    expect(factor(r, "cat", "availability").words).toBe("4 h of 8 h free on Tuesday: +0.05");
    expect(factor(r, "bob", "distance").words).toMatch(/^3\d\.\d km from base: \+0\.1\d$/);
  });

  it("uses the last position when recent, else the base; unknown position is neutral and says so", () => {
    const recent = { ...BOULDER, at: new Date(NOW.getTime() - 60 * 60 * 1000) };
    const stale = { ...BOULDER, at: new Date(NOW.getTime() - 13 * 60 * 60 * 1000) };
    const r = rankCandidates(
      job,
      [tech("a", { last: recent }), tech("b", { last: stale }), tech("c", { base: null })],
      DEFAULT_ASSIGNMENT_WEIGHTS,
      NOW,
    );
    expect(factor(r, "a", "distance").words).toMatch(/km from last known position/);
    expect(factor(r, "b", "distance").words).toMatch(/^0\.0 km from base/);
    expect(factor(r, "c", "distance")).toMatchObject({ value: 0.5, words: "position unknown (neutral): +0.15" });
  });

  it("a walk has no damage type: expertise is neutral for everyone", () => {
    const r = rankCandidates(
      { ...job, damageType: null },
      [tech("a", { skills: ["CHIP"] })],
      DEFAULT_ASSIGNMENT_WEIGHTS,
      NOW,
    );
    expect(factor(r, "a", "expertise").value).toBe(0.5);
  });

  it("gives preferred technicians the stated bonus", () => {
    const r = rankCandidates(
      job,
      [tech("a"), tech("b", { preferredByCustomer: true })],
      DEFAULT_ASSIGNMENT_WEIGHTS,
      NOW,
    );
    expect(r.ranked[0]).toMatchObject({ technicianId: "b", preferredBonus: PREFERRED_BONUS });
    expect(r.ranked[0]!.total - r.ranked[1]!.total).toBeCloseTo(PREFERRED_BONUS, 9);
  });

  it("lists the blocked, inactive and not allowed apart with why, never scored", () => {
    const r = rankCandidates(
      job,
      [
        tech("a", { blockedByCustomer: true }),
        tech("b", { isActive: false }),
        tech("c", { notAllowed: "outside your team" }),
        tech("d"),
      ],
      DEFAULT_ASSIGNMENT_WEIGHTS,
      NOW,
    );
    expect(r.ranked.map((c) => c.technicianId)).toEqual(["d"]);
    expect(r.excluded).toEqual([
      { technicianId: "a", name: "a", why: "blocked by the customer" },
      { technicianId: "b", name: "b", why: "not active" },
      { technicianId: "c", name: "c", why: "outside your team" },
    ]);
  });

  it("breaks ties by name then id, whatever the input order", () => {
    const list = [tech("2", { name: "Zed" }), tech("1", { name: "Amy" }), tech("0", { name: "Amy" })];
    const order = rankCandidates(job, list, DEFAULT_ASSIGNMENT_WEIGHTS, NOW).ranked.map((c) => c.technicianId);
    expect(order).toEqual(["0", "1", "2"]);
    expect(
      rankCandidates(job, [...list].reverse(), DEFAULT_ASSIGNMENT_WEIGHTS, NOW).ranked.map((c) => c.technicianId),
    ).toEqual(order);
  });

  it("normalises weights that do not sum to 1; the admin rule refuses them with the sum", () => {
    const doubled = { workload: 0.6, distance: 0.6, expertise: 0.4, history: 0.2, availability: 0.2 };
    expect(normaliseWeights(doubled).workload).toBeCloseTo(0.3, 12);
    expect(normaliseWeights({ workload: 0, distance: 0, expertise: 0, history: 0, availability: 0 }).history).toBe(0.2);
    expect(weightsProblem(doubled)).toBe("the weights must add up to 1 (they add up to 2)");
    expect(weightsProblem({ ...DEFAULT_ASSIGNMENT_WEIGHTS, workload: 0.3005 })).toBeNull();
    expect(weightsProblem({ ...DEFAULT_ASSIGNMENT_WEIGHTS, workload: -0.1, distance: 0.7 })).toMatch(/workload/);
  });

  it("reads working minutes of a day; no hours stored at all is unknown", () => {
    expect(workingMinutesOn(WEEKDAY_HOURS, "tuesday")).toBe(480);
    expect(workingMinutesOn(WEEKDAY_HOURS, "sunday")).toBe(0);
    expect(workingMinutesOn({}, "sunday")).toBeNull();
    expect(workingMinutesOn({ monday: { start: "9", end: "x" } }, "monday")).toBe(0);
  });

  it("measures great-circle distance", () => {
    expect(distanceKm(DENVER, BOULDER)).toBeCloseTo(38.9, 0);
  });

  it("stores the chosen one's factors and whether the top pick was overridden", () => {
    const r = rankCandidates(job, [tech("a", { skills: ["CRACK"] }), tech("b")], DEFAULT_ASSIGNMENT_WEIGHTS, NOW);
    expect(assignmentReasons(r, "a", "manual", NOW)).toMatchObject({
      overrodeTopPick: false,
      chosen: { technicianId: "a" },
    });
    expect(assignmentReasons(r, "b", "manual", NOW)).toMatchObject({
      overrodeTopPick: true,
      topPick: { technicianId: "a" },
      chosen: { technicianId: "b" },
    });
  });
});

const position = fc.record({
  latitude: fc.double({ min: -89, max: 89, noNaN: true }),
  longitude: fc.double({ min: -179, max: 179, noNaN: true }),
});
const anyCandidate = (id: string) =>
  fc.record({
    technicianId: fc.constant(id),
    name: fc.constantFrom("Ann", "Bob", "Cy"),
    isActive: fc.boolean(),
    blockedByCustomer: fc.boolean(),
    preferredByCustomer: fc.boolean(),
    notAllowed: fc.option(fc.constant("outside your team"), { nil: null }),
    openWork: fc.nat({ max: 50 }),
    base: fc.option(position, { nil: null }),
    last: fc.option(
      fc.record({
        latitude: fc.double({ min: -89, max: 89, noNaN: true }),
        longitude: fc.double({ min: -179, max: 179, noNaN: true }),
        at: fc.date({ min: new Date("2026-03-01T00:00:00Z"), max: NOW, noInvalidDate: true }),
      }),
      { nil: null },
    ),
    skills: fc.subarray([...DAMAGE_TYPES]),
    pastRepairsHere: fc.nat({ max: 30 }),
    workingHours: fc.constantFrom({}, WEEKDAY_HOURS),
    plannedMinutes: fc.nat({ max: 600 }),
  });
const anyCandidates = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => anyCandidate(`t${i}`))));
const anyJob = fc.record({
  site: fc.option(position, { nil: null }),
  damageType: fc.option(fc.constantFrom(...DAMAGE_TYPES), { nil: null }),
  day: fc.constantFrom(...WEEKDAYS),
});
const anyWeights = fc.record(
  Object.fromEntries(ASSIGNMENT_FACTORS.map((f) => [f, fc.double({ min: 0, max: 5, noNaN: true })])) as Record<
    (typeof ASSIGNMENT_FACTORS)[number],
    fc.Arbitrary<number>
  >,
);

describe("smart assignment properties", () => {
  it("a blocked, inactive or not-allowed technician is never ranked, so never chosen", () => {
    fc.assert(
      fc.property(anyJob, anyCandidates, anyWeights, (j, list, weights) => {
        const r = rankCandidates(j, list, weights, NOW);
        for (const c of r.ranked) {
          const input = list.find((t) => t.technicianId === c.technicianId)!;
          expect(input.blockedByCustomer || !input.isActive || input.notAllowed !== null).toBe(false);
        }
        expect(r.ranked.length + r.excluded.length).toBe(list.length);
      }),
    );
  });

  it("more open work never raises the workload factor", () => {
    fc.assert(
      fc.property(anyJob, anyCandidates, fc.nat({ max: 7 }), fc.integer({ min: 1, max: 20 }), (j, list, pick, more) => {
        const eligible = list.map((c) => ({ ...c, blockedByCustomer: false, isActive: true, notAllowed: null }));
        const i = pick % eligible.length;
        const id = eligible[i]!.technicianId;
        const busier = eligible.map((c, k) => (k === i ? { ...c, openWork: c.openWork + more } : c));
        const before = factor(rankCandidates(j, eligible, DEFAULT_ASSIGNMENT_WEIGHTS, NOW), id, "workload").value;
        const after = factor(rankCandidates(j, busier, DEFAULT_ASSIGNMENT_WEIGHTS, NOW), id, "workload").value;
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it("explaining only the top pick ranks exactly as explaining all", () => {
    fc.assert(
      fc.property(anyJob, anyCandidates, anyWeights, (j, list, weights) => {
        const all = rankCandidates(j, list, weights, NOW);
        const top = rankCandidates(j, list, weights, NOW, { explain: "top" });
        expect(top.ranked.map((c) => [c.technicianId, c.total])).toEqual(
          all.ranked.map((c) => [c.technicianId, c.total]),
        );
        expect(top.ranked[0]?.factors).toEqual(all.ranked[0]?.factors);
        for (const c of all.ranked)
          expect(c.total).toBeCloseTo(
            c.factors.reduce((sum, f) => sum + f.points, c.preferredBonus),
            9,
          );
      }),
    );
  });

  it("every factor is within 0–1, totals within 0–1 plus the bonus, best first", () => {
    fc.assert(
      fc.property(anyJob, anyCandidates, anyWeights, (j, list, weights) => {
        const r = rankCandidates(j, list, weights, NOW);
        for (const c of r.ranked) {
          for (const f of c.factors) expect(f.value >= 0 && f.value <= 1).toBe(true);
          expect(c.total).toBeGreaterThanOrEqual(0);
          expect(c.total).toBeLessThanOrEqual(1 + PREFERRED_BONUS + 1e-9);
        }
        for (let k = 1; k < r.ranked.length; k++)
          expect(r.ranked[k - 1]!.total).toBeGreaterThanOrEqual(r.ranked[k]!.total);
      }),
    );
  });
});

describe("reasonsInWords", () => {
  it("reads sentences as they are and smart assignment's reasons as lines", () => {
    expect(reasonsInWords(["Only preferred technician.", 3])).toEqual(["Only preferred technician."]);
    expect(reasonsInWords(null)).toEqual([]);
    const lines = reasonsInWords({
      chosen: {
        technicianId: "t2",
        name: "Jordan",
        total: 0.614,
        preferredBonus: 0.1,
        factors: [{ factor: "workload", value: 1, weight: 0.3, points: 0.3, words: "1 open repair: +0.30" }],
      },
      topPick: { technicianId: "t1", name: "Taylor", total: 0.7 },
      overrodeTopPick: true,
      mode: "manual",
      at: "2026-12-06T12:00:00.000Z",
    });
    expect(lines).toEqual([
      "Chosen: Jordan, score 0.61.",
      "1 open repair: +0.30.",
      "Preferred by the customer: +0.10.",
      "Over the recommendation: Taylor (score 0.70).",
    ]);
  });
});
