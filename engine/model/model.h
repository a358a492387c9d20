/*
 * model.h — the journey model: plain C structs built from a document tree.
 *
 * model_build() reads a node tree (from YAML or from a Lua table) in one
 * pass and checks its shape: types, enums, ranges, required fields and
 * unknown keys (with a "did you mean" suggestion).  validate.c then checks
 * the rules that span entities: unique ids, references, sums.  Every
 * problem is added to a diag_list with the model path and, when the value
 * came from a file, its line and column; the builder keeps going after an
 * error so one run reports all of them.
 *
 * Everything in a model lives in the arena passed to model_build, which
 * must outlive the model, as must the node tree (entities keep a pointer
 * to their source node for later messages).
 */
#ifndef CJM_MODEL_H
#define CJM_MODEL_H

#include "base/arena.h"
#include "base/diag.h"
#include "base/idmap.h"
#include "doc/node.h"

/* Ids are short names (letters, digits, '_' and '-'): at most this long. */
#define MODEL_ID_MAX 64

/* ---- enumerations: each has a name table in model.c ------------------ */

typedef enum { KIND_B2B, KIND_B2C, KIND_OTHER, KIND__COUNT } cjm_kind;

typedef enum {
    ROLE_PERSON_IN_CHARGE, ROLE_DECISION_MAKER, ROLE_APPROVER, ROLE_MANAGER,
    ROLE_USER, ROLE_INFLUENCER, ROLE_CUSTOMER, ROLE_OTHER, ROLE__COUNT
} cjm_role;

typedef enum {
    INV_NONE, INV_PARTICIPANT, INV_DRIVER, INV_GATEKEEPER, INV__COUNT
} cjm_involvement;

typedef enum {
    EVID_NONE, EVID_ASSUMPTION, EVID_WORKSHOP, EVID_QUALITATIVE,
    EVID_QUANTITATIVE, EVID__COUNT
} cjm_evidence_level;

typedef enum { CONTROL_DIRECT, CONTROL_INDIRECT, CONTROL__COUNT } cjm_control;
typedef enum { TIMING_BEFORE, TIMING_DURING, TIMING_AFTER, TIMING__COUNT } cjm_timing;

/* Channels are a fixed list; model_channel_names() gives it. */
typedef int cjm_channel;

const char *const *model_kind_names(void);
const char *const *model_role_names(void);
const char *const *model_involvement_names(void);
const char *const *model_evidence_names(void);
const char *const *model_channel_names(void);
int model_channel_count(void);
/* The word for channel ID in LOCALE ("sales_rep", "ja" -> 営業担当), or
 * NULL when ID is not a channel. */
const char *model_channel_label(const char *id, const char *locale);
/* Whether a channel is offline unless the touchpoint says otherwise. */
int model_channel_offline(cjm_channel c);

/* ---- building blocks -------------------------------------------------- */

typedef struct { const char **items; const node **srcs; int count; } cjm_strs;

/* A card: a step, thought, pain, opportunity, blueprint entry ... */
/* A time in minutes (days are 1440 minutes); -1 when not given. */
typedef struct cjm_time {
    double standard, tolerance;     /* minutes */
    int days;                       /* written in days */
} cjm_time;

typedef struct cjm_card {
    const char *id;             /* NULL for cards that need none */
    const char *text;
    cjm_evidence_level evidence;
    const char *source;         /* where the evidence comes from, or NULL */
    const char *fail_point;     /* what goes wrong here (Shostack), or NULL */
    double fail_rate;           /* how often, 0..1; -1 when not given */
    cjm_time time;              /* standard execution time */
    cjm_strs personas;          /* the personas it belongs to; none: everyone */
    int score;                  /* how a step felt, 1..5 (a Mermaid journey
                                   task's score); -1 when not given */
    cjm_strs suppress;          /* lint rules off here: "rule-id: why" */
    const node *src;
} cjm_card;

typedef struct { cjm_card *items; int count; } cjm_cards;

/* CARD empty, with no fail rate and no time. */
void model_card_init(cjm_card *card);

/* An edit of a number: "=0.4", "*1.2", "+0.05". */
typedef enum { EDIT_SET, EDIT_MUL, EDIT_ADD } cjm_edit_op;
typedef struct { cjm_edit_op op; double value; int present; } cjm_edit;

typedef struct { const char *key; cjm_edit edit; const node *src; } cjm_keyed_edit;

/* A key (an id) with a probability. */
typedef struct { const char *key; double p; const node *src; } cjm_prob;

/* One change of a scenario or an action's effect: edits of one phase's or
 * one touchpoint's numbers. */
typedef struct cjm_change {
    const char *phase;          /* exactly one of phase and touchpoint */
    const char *touchpoint;
    cjm_edit advance, drop, reach, lift;
    cjm_edit duration_min, duration_mode, duration_max;
    cjm_keyed_edit *back;       /* phase id -> edit */
    int back_count;
    cjm_keyed_edit *approve;    /* persona id -> edit */
    int approve_count;
    int remove;                 /* remove the touchpoint */
    /* scenarios only: a touchpoint the scenario adds (used in the phases
     * TO names) or a phase it adds (after the phase AFTER names) */
    const node *add_touchpoint, *add_phase;
    cjm_strs to;
    const char *after;
    cjm_prob *goes_to;          /* a phase's new targets (its transitions.to) */
    int goes_to_count;
    const node *src;
} cjm_change;

typedef struct { cjm_change *items; int count; } cjm_changes;

/* ---- entities --------------------------------------------------------- */

typedef struct cjm_persona {
    const char *id, *name, *description;
    cjm_role role;
    int age;                    /* -1 when not given */
    const char *gender, *department, *job_title;
    double tenure_years;        /* -1 when not given */
    const char *education, *income, *family, *location;
    cjm_strs hobbies, sns, devices, channels, goals, pains, joys, values;
    const char *quote, *photo;
    cjm_strs suppress;
    const node *src;
} cjm_persona;

/* What something costs: per exposure to a touchpoint, per day in a
 * phase, per entry into a phase, and fixed (once per run of the
 * journey's cohort, whatever its size).  -1 when not given (costs 0). */
typedef struct cjm_cost {
    double per_exposure, per_day, per_entry, fixed;
} cjm_cost;

typedef struct cjm_touchpoint {
    const char *id, *name, *description, *owner;
    cjm_channel channel;
    cjm_control control;
    cjm_timing timing;
    int online;
    double reach, lift;
    cjm_evidence_level evidence;
    const char *source;
    cjm_cost cost;
    cjm_strs suppress;
    const node *src;
} cjm_touchpoint;

typedef struct { const char *persona; cjm_involvement level; const node *src; } cjm_involve;

typedef struct {
    const char *persona;
    double score;
    cjm_evidence_level evidence;
    const char *source, *note;
    const node *src;
} cjm_emotion;


typedef struct { const char *from, *to; const node *src; } cjm_link;

typedef struct cjm_blueprint {
    cjm_cards evidence, customer, frontstage, backstage, support;
    cjm_link *links;
    int link_count;
} cjm_blueprint;

typedef struct cjm_phase {
    const char *id, *name, *goal, *description;
    cjm_involve *involvement;   /* the personas named, in persona order after
                                   validation; a persona not named is none */
    int involvement_count;
    cjm_cards steps, actions, thoughts, pains, opportunities;
    cjm_emotion *emotions;
    int emotion_count;
    cjm_cards needs;
    cjm_strs activities, content;
    cjm_strs deliverables, questions;   /* for project journeys (seven_step) */
    cjm_strs touchpoints;       /* touchpoint ids */
    cjm_blueprint blueprint;
    int has_transitions;
    int has_advance;
    double advance, drop;
    cjm_prob *back;             /* phase id -> probability */
    int back_count;
    cjm_prob *approve;          /* persona id -> probability */
    int approve_count;
    cjm_prob *to;               /* where an advance goes: phase or outcome id ->
                                   probability (none: the next phase) */
    int to_count;
    cjm_cost cost;
    int has_duration;
    double duration_min, duration_mode, duration_max;
    cjm_time time_budget;       /* for the summed step times; -1 when none */
    cjm_strs suppress;
    const node *src;
} cjm_phase;

typedef struct cjm_action {
    const char *id, *title, *description, *phase, *owner, *kpi, *horizon;
    cjm_strs addresses;
    int impact;                 /* 1..5 */
    double effort;              /* 1..5 points, or person-days */
    double confidence;          /* 0..1 */
    cjm_changes effect;
    cjm_strs lanes;             /* blueprint lanes it changes */
    const node *src;
} cjm_action;

typedef struct cjm_scenario {
    const char *id, *name, *description;
    cjm_changes changes;
    const node *journey;        /* a whole edited journey (Lua apply), or NULL */
    const node *src;
} cjm_scenario;

/* A named end of a journey besides dropping out (won, lost to a
 * competitor, churned); SUCCESS ones count as conversion. */
typedef struct cjm_outcome {
    const char *id, *name;
    int success;
    double value;               /* what reaching it is worth; -1: the journey's value */
    const node *src;
} cjm_outcome;

/* A part of the journeys with numbers of its own: SHARE of them, its
 * CHANGES on top of the journey (and of any scenario). */
typedef struct cjm_segment {
    const char *id, *name, *persona;
    double share;
    cjm_changes changes;
    const node *src;
} cjm_segment;

typedef struct cjm_journey {
    const char *id, *title, *description;
    cjm_kind kind;
    const char *locale;
    int horizon;                /* simulation horizon in days */
    cjm_persona *personas;
    int persona_count;
    cjm_touchpoint *touchpoints;
    int touchpoint_count;
    cjm_phase *phases;
    int phase_count;
    cjm_action *actions;
    int action_count;
    cjm_scenario *scenarios;
    int scenario_count;
    cjm_prob *start;            /* where journeys start: phase id -> share
                                   (none: the first phase) */
    int start_count;
    cjm_outcome *outcomes;      /* none: one, "converted" */
    int outcome_count;
    cjm_segment *segments;      /* none: every journey alike */
    int segment_count;
    double value;               /* what a conversion is worth (its mean); -1 when not given */
    double value_sd;            /* how much deal sizes vary (standard deviation); 0 */
    /* cohorts over the calendar: new journeys per week, as a steady rate
     * or week by week (a campaign calendar), and the weeks to forecast */
    double arrivals_per_week;   /* -1 when not given */
    double *arrival_weeks;
    int arrival_week_count;
    int forecast_weeks;         /* 0: the horizon's */
    const char *currency;       /* the money's unit in reports, or NULL */
    const node *maps;           /* a project's customer journey, as written */
    struct cjm_journey *mapped; /* ... built and validated by load_journey */
    /* ids to indexes (the first of a duplicate id), for model_find_* */
    idmap persona_ids, phase_ids, touchpoint_ids;
    const node *src;
} cjm_journey;

/* Build a journey from ROOT.  Returns the journey (in A) even when errors
 * were found, so the validator can add its own; callers check D->errors. */
cjm_journey *model_build(arena *a, const node *root, diag_list *d);

/* The normalized model as a node tree (defaults filled, generated ids
 * written out, fixed key order), for the YAML and JSON writers. */
node *model_to_node(arena *a, const cjm_journey *j);

/* Minutes the phase's steps and blueprint cards take by their standard
 * times (0 when none has a time). */
double model_phase_minutes(const cjm_phase *ph);

/* Lookups by id, in constant time; -1 when absent. */
int model_find_persona(const cjm_journey *j, const char *id);
int model_find_phase(const cjm_journey *j, const char *id);
int model_find_touchpoint(const cjm_journey *j, const char *id);

/* How persona P (an index) takes part in phase PH: INV_NONE unless named. */
cjm_involvement model_involvement(const cjm_journey *j, const cjm_phase *ph, int p);

/* The lists of cards a phase holds: its lanes (steps, customer actions,
 * thoughts, pains, opportunities, needs), then the blueprint's (evidence,
 * customer, frontstage, backstage, support).  KEY is the field's name in
 * the format (within `blueprint:` for those), KIND what one card is
 * called. */
typedef struct cjm_card_list {
    const char *key, *kind;
    size_t offset;              /* of the cjm_cards in cjm_phase */
    int blueprint;
} cjm_card_list;

const cjm_card_list *model_card_lists(int *count);

/* The cards of list L in phase PH. */
const cjm_cards *model_cards(const cjm_phase *ph, const cjm_card_list *l);

/* Report an error at node N (its key position when AT_KEY). */
void model_error(diag_list *d, const node *n, int at_key, const char *path,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#endif
