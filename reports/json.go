package reports

import (
	"io"

	"github.com/slant-news/slant/compare"
)

// Document is the JSON form of a comparison. Its layout is documented field
// by field in the README; SchemaVersion changes when it does.
type Document struct {
	SchemaVersion int          `json:"schema_version"`
	Event         Event        `json:"event"`
	Reference     string       `json:"reference"`
	Outlets       []Outlet     `json:"outlets"`
	Headlines     *Headlines   `json:"headlines"`
	Alignments    []Alignment  `json:"alignments"`
	Unique        []Unique     `json:"unique"`
	Differences   []Difference `json:"differences"`
	Stats         []Stats      `json:"stats"`
	Flags         []Flag       `json:"flags"`
	WordChoices   []WordChoice `json:"word_choices"`
	Quotes        []QuoteGroup `json:"quotes"`
	Speakers      []Speaker    `json:"speakers"`
}

// QuoteGroup is one statement quoted by some outlet, with its status in
// every outlet, measured against the fullest version (text, quoted by
// source).
type QuoteGroup struct {
	ID       string     `json:"id"`
	Speaker  string     `json:"speaker"`
	Disputed bool       `json:"disputed"`
	Text     string     `json:"text"`
	Kind     string     `json:"kind"`
	Source   string     `json:"source"`
	Outlets  []QuoteUse `json:"outlets"`
}

// QuoteUse is one outlet's treatment of a quoted statement.
type QuoteUse struct {
	Outlet   string   `json:"outlet"`
	Status   string   `json:"status"`
	Text     string   `json:"text"`
	Speaker  string   `json:"speaker"`
	Quote    int      `json:"quote"`
	Quotes   []int    `json:"quotes"`
	Sentence int      `json:"sentence"`
	Diff     []DiffOp `json:"diff"`
}

// Speaker is one outlet's quotations of one speaker.
type Speaker struct {
	Outlet  string  `json:"outlet"`
	Speaker string  `json:"speaker"`
	Quotes  int     `json:"quotes"`
	Words   int     `json:"words"`
	Share   float64 `json:"share"`
}

// Quote is one direct quotation in an article; start and end are byte
// offsets into the article text, parts the ranges inside the marks.
type Quote struct {
	Index       int     `json:"index"`
	Text        string  `json:"text"`
	Speaker     string  `json:"speaker"`
	SpeakerText string  `json:"speaker_text"`
	Attribution string  `json:"attribution"`
	Kind        string  `json:"kind"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Parts       [][]int `json:"parts"`
	Sentences   []int   `json:"sentences"`
}

// Statement is speech an article reports without quotation marks.
type Statement struct {
	Sentence    int     `json:"sentence"`
	Speaker     string  `json:"speaker"`
	SpeakerText string  `json:"speaker_text"`
	Verb        string  `json:"verb"`
	Text        string  `json:"text"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Parts       [][]int `json:"parts"`
}

func quotesOf(a *compare.Article) ([]Quote, []Statement) {
	qs, ss := make([]Quote, 0, len(a.Quotes)), make([]Statement, 0, len(a.Statements))
	for _, q := range a.Quotes {
		jq := Quote{Index: q.Index, Text: q.Text, Speaker: q.Speaker, SpeakerText: q.SpeakerText,
			Attribution: q.Attribution, Kind: q.Kind, Start: q.Start, End: q.End, Sentences: q.Sentences,
			Parts: room[[]int](len(q.Parts))}
		for _, p := range q.Parts {
			jq.Parts = append(jq.Parts, []int{p.Start, p.End})
		}
		qs = append(qs, jq)
	}
	for _, s := range a.Statements {
		js := Statement{Sentence: s.Sentence, Speaker: s.Speaker, SpeakerText: s.SpeakerText,
			Verb: s.Verb, Text: s.Text, Start: s.Start, End: s.End, Parts: room[[]int](len(s.Parts))}
		for _, p := range s.Parts {
			js.Parts = append(js.Parts, []int{p.Start, p.End})
		}
		ss = append(ss, js)
	}
	return qs, ss
}

func diffOps(ops []compare.DiffOp) []DiffOp {
	out := make([]DiffOp, 0, len(ops))
	for _, op := range ops {
		out = append(out, DiffOp{Op: op.Op, FromText: op.FromText, ToText: op.ToText,
			FromStart: op.FromStart, FromEnd: op.FromEnd, ToStart: op.ToStart, ToEnd: op.ToEnd})
	}
	return out
}

// Flag is one lexicon term found in an article. Sentence -1 is the
// headline, and then start and end are offsets into the headline.
type Flag struct {
	Outlet   string   `json:"outlet"`
	Sentence int      `json:"sentence"`
	Term     string   `json:"term"`
	Text     string   `json:"text"`
	Category string   `json:"category"`
	Concept  string   `json:"concept"`
	Tone     string   `json:"tone"`
	Scope    string   `json:"scope"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Note     string   `json:"note"`
	Suggest  []string `json:"suggest"`
}

// WordChoice is an aligned place where outlets use different terms of one
// concept or category.
type WordChoice struct {
	Alignment string   `json:"alignment"`
	Category  string   `json:"category"`
	Concept   string   `json:"concept"`
	Choices   []Choice `json:"choices"`
}

// Choice is one outlet's term.
type Choice struct {
	Outlet string `json:"outlet"`
	Term   string `json:"term"`
	Text   string `json:"text"`
	Tone   string `json:"tone"`
	Note   string `json:"note"`
}

// ConceptUse is how often an outlet uses a term of a concept.
type ConceptUse struct {
	Concept string `json:"concept"`
	Term    string `json:"term"`
	Count   int    `json:"count"`
}

// ToneCount is an outlet's flags of one category and tone.
type ToneCount struct {
	Category    string  `json:"category"`
	Tone        string  `json:"tone"`
	Count       int     `json:"count"`
	PerThousand float64 `json:"per_1000_words"`
}

// Event names the event.
type Event struct {
	Title string `json:"title"`
	Date  string `json:"date"`
}

// Outlet is one article with its sentences and what cleaning removed.
type Outlet struct {
	ID         string      `json:"id"`
	Name       string      `json:"name"`
	NameFrom   string      `json:"name_from"`
	Source     string      `json:"source"`
	Headline   string      `json:"headline"`
	Published  string      `json:"published"`
	Captions   []string    `json:"captions"`
	Words      int         `json:"words"`
	Sentences  []Sentence  `json:"sentences"`
	Removed    []Removed   `json:"removed"`
	Quotes     []Quote     `json:"quotes"`
	Statements []Statement `json:"statements"`
}

// Sentence is one body sentence; start and end are byte offsets into the
// article text as loaded.
type Sentence struct {
	Index     int     `json:"index"`
	Paragraph int     `json:"paragraph"`
	Text      string  `json:"text"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Position  float64 `json:"position"`
}

// Removed is one line of page furniture and the rule that removed it.
type Removed struct {
	Rule  string `json:"rule"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Headlines compares the headlines.
type Headlines struct {
	Score   float64          `json:"score"`
	Members []HeadlineMember `json:"members"`
}

// HeadlineMember is one outlet's headline.
type HeadlineMember struct {
	Outlet string `json:"outlet"`
	Text   string `json:"text"`
}

// Alignment is a group of sentences reporting the same thing.
type Alignment struct {
	ID       string   `json:"id"`
	Score    float64  `json:"score"`
	Members  []Member `json:"members"`
	Evidence Evidence `json:"evidence"`
}

// Member is one outlet's sentences in an alignment.
type Member struct {
	Outlet    string `json:"outlet"`
	Sentences []int  `json:"sentences"`
}

// Evidence says why an alignment's sentences matched.
type Evidence struct {
	Names   []string `json:"names"`
	Numbers []string `json:"numbers"`
	Words   []string `json:"words"`
	Related []string `json:"related"`
	Quotes  []string `json:"quotes"`
}

// Unique lists the sentences of one outlet that no other outlet matches.
type Unique struct {
	Outlet    string `json:"outlet"`
	Sentences []int  `json:"sentences"`
}

// Difference is the word diff of one outlet's sentences against another's.
type Difference struct {
	Group string   `json:"group"`
	From  string   `json:"from"`
	To    string   `json:"to"`
	Ops   []DiffOp `json:"ops"`
}

// DiffOp is one diff operation; absent sides have empty text and offsets -1.
type DiffOp struct {
	Op        string `json:"op"`
	FromText  string `json:"from_text"`
	ToText    string `json:"to_text"`
	FromStart int    `json:"from_start"`
	FromEnd   int    `json:"from_end"`
	ToStart   int    `json:"to_start"`
	ToEnd     int    `json:"to_end"`
}

// Stats are one outlet's figures.
type Stats struct {
	Outlet           string       `json:"outlet"`
	Words            int          `json:"words"`
	Sentences        int          `json:"sentences"`
	AlignedSentences int          `json:"aligned_sentences"`
	SharedFacts      int          `json:"shared_facts"`
	SharedShare      float64      `json:"shared_share"`
	NarrationWords   int          `json:"narration_words"`
	Concepts         []ConceptUse `json:"concepts"`
	Tones            []ToneCount  `json:"tones"`
}

// NewDocument builds the JSON model of a result.
func NewDocument(r *compare.Result) *Document {
	d := &Document{
		SchemaVersion: compare.SchemaVersion,
		Event:         Event{Title: r.Event.Title, Date: r.Event.Date},
		Reference:     r.Reference,
		// Every list is made as long as it will be: growing them costs
		// more memory than the document itself.
		Outlets:     make([]Outlet, 0, len(r.Articles)),
		Alignments:  make([]Alignment, 0, len(r.Alignments)),
		Unique:      make([]Unique, 0, len(r.Unique)),
		Differences: make([]Difference, 0, len(r.Differences)),
		Stats:       make([]Stats, 0, len(r.Stats)),
		Flags:       make([]Flag, 0, len(r.Flags)),
		WordChoices: make([]WordChoice, 0, len(r.WordChoices)),
		Quotes:      make([]QuoteGroup, 0, len(r.Quotes)),
		Speakers:    make([]Speaker, 0, len(r.Speakers)),
	}
	for _, a := range r.Articles {
		o := Outlet{
			ID: a.ID, Name: a.Outlet, NameFrom: a.OutletFrom, Source: a.Source,
			Headline: a.Headline, Published: a.Published, Captions: nonNil(a.Captions), Words: a.Words,
			Sentences: make([]Sentence, 0, len(a.Sentences)), Removed: make([]Removed, 0, len(a.Removed)),
		}
		for _, s := range a.Sentences {
			o.Sentences = append(o.Sentences, Sentence{Index: s.Index, Paragraph: s.Paragraph, Text: s.Text,
				Start: s.Start, End: s.End, Position: round3(s.Position)})
		}
		for _, rm := range a.Removed {
			o.Removed = append(o.Removed, Removed{Rule: rm.Rule, Text: rm.Text, Start: rm.Start, End: rm.End})
		}
		o.Quotes, o.Statements = quotesOf(&a)
		d.Outlets = append(d.Outlets, o)
	}
	if h := r.Headlines; h != nil {
		d.Headlines = &Headlines{Score: h.Score, Members: room[HeadlineMember](len(h.Members))}
		for _, m := range h.Members {
			d.Headlines.Members = append(d.Headlines.Members, HeadlineMember{Outlet: m.Outlet, Text: m.Text})
		}
	}
	for _, g := range r.Alignments {
		a := Alignment{ID: g.ID, Score: g.Score, Evidence: Evidence{
			Names: nonNil(g.Evidence.Names), Numbers: nonNil(g.Evidence.Numbers), Words: nonNil(g.Evidence.Words),
			Related: nonNil(g.Evidence.Related), Quotes: nonNil(g.Evidence.Quotes),
		}, Members: room[Member](len(g.Members))}
		for _, m := range g.Members {
			a.Members = append(a.Members, Member{Outlet: m.Outlet, Sentences: m.Sentences})
		}
		d.Alignments = append(d.Alignments, a)
	}
	for _, u := range r.Unique {
		d.Unique = append(d.Unique, Unique{Outlet: u.Outlet, Sentences: u.Sentences})
	}
	for _, diff := range r.Differences {
		jd := Difference{Group: diff.Group, From: diff.From, To: diff.To, Ops: make([]DiffOp, 0, len(diff.Ops))}
		for _, op := range diff.Ops {
			jd.Ops = append(jd.Ops, DiffOp{Op: op.Op, FromText: op.FromText, ToText: op.ToText,
				FromStart: op.FromStart, FromEnd: op.FromEnd, ToStart: op.ToStart, ToEnd: op.ToEnd})
		}
		d.Differences = append(d.Differences, jd)
	}
	for _, s := range r.Stats {
		st := Stats{Outlet: s.Outlet, Words: s.Words, Sentences: s.Sentences,
			AlignedSentences: s.Aligned, SharedFacts: s.SharedFacts, SharedShare: round3(s.SharedShare),
			NarrationWords: s.NarrationWords, Concepts: make([]ConceptUse, 0, len(s.Concepts)), Tones: make([]ToneCount, 0, len(s.Tones))}
		for _, c := range s.Concepts {
			st.Concepts = append(st.Concepts, ConceptUse{Concept: c.Concept, Term: c.Term, Count: c.Count})
		}
		for _, t := range s.Tones {
			st.Tones = append(st.Tones, ToneCount{Category: t.Category, Tone: t.Tone, Count: t.Count, PerThousand: t.PerThousand})
		}
		d.Stats = append(d.Stats, st)
	}
	for _, f := range r.Flags {
		d.Flags = append(d.Flags, Flag{Outlet: f.Outlet, Sentence: f.Sentence, Term: f.Term, Text: f.Text,
			Category: f.Category, Concept: f.Concept, Tone: f.Tone, Scope: f.Scope, Start: f.Start, End: f.End,
			Note: f.Note, Suggest: nonNil(f.Suggest)})
	}
	for _, w := range r.WordChoices {
		jw := WordChoice{Alignment: w.Alignment, Category: w.Category, Concept: w.Concept, Choices: room[Choice](len(w.Choices))}
		for _, c := range w.Choices {
			jw.Choices = append(jw.Choices, Choice{Outlet: c.Outlet, Term: c.Term, Text: c.Text, Tone: c.Tone, Note: c.Note})
		}
		d.WordChoices = append(d.WordChoices, jw)
	}
	for _, g := range r.Quotes {
		jg := QuoteGroup{ID: g.ID, Speaker: g.Speaker, Disputed: g.Disputed, Text: g.Text, Kind: g.Kind, Source: g.Source,
			Outlets: room[QuoteUse](len(g.Outlets))}
		for _, u := range g.Outlets {
			jg.Outlets = append(jg.Outlets, QuoteUse{Outlet: u.Outlet, Status: u.Status, Text: u.Text, Speaker: u.Speaker,
				Quote: u.Quote, Quotes: nonNilInts(u.Quotes), Sentence: u.Sentence, Diff: diffOps(u.Diff)})
		}
		d.Quotes = append(d.Quotes, jg)
	}
	for _, s := range r.Speakers {
		d.Speakers = append(d.Speakers, Speaker{Outlet: s.Outlet, Speaker: s.Speaker, Quotes: s.Quotes, Words: s.Words, Share: s.Share})
	}
	return d
}

// JSON writes the result as one indented JSON document.
func JSON(w io.Writer, r *compare.Result) error {
	return NewDocument(r).WriteJSON(w, true)
}

// room returns an empty slice with room for n elements, or nil when n is
// 0: the list a loop of n appends to a nil slice leaves.
func room[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, 0, n)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilInts(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}

func round3(x float64) float64 {
	return float64(int64(x*1000+0.5)) / 1000
}
