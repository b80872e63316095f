package reports

import (
	"io"
	"math"
)

// The report types write themselves field by field, in the order and
// under the names of their json tags. TestWriterLikeEncoder fills every
// field of every type with random values and holds these methods to
// encoding/json's bytes, so a field added to a type and not here fails it.

// maxReserve bounds the room AppendJSON reserves ahead of writing.
const maxReserve = 32 << 20

// AppendJSON appends the document to dst as JSON: indented by two spaces a
// level and ending in a newline, or compact on one line (without the
// newline), as a json.Encoder with HTML escaping off would write it.
func (d *Document) AppendJSON(dst []byte, indent bool) ([]byte, error) {
	// Room for a report about 16 times its sentences' text, as reports
	// run (the sentences, their diffs, flags and quotes): growing a
	// buffer step by step costs more in page faults and copies than
	// writing, while room reserved and never written is never touched.
	// Past maxReserve (huge inputs) the buffer grows as it is written.
	text := 0
	for i := range d.Outlets {
		for j := range d.Outlets[i].Sentences {
			text += len(d.Outlets[i].Sentences[j].Text)
		}
	}
	if need := min(24*text+4<<10, maxReserve); cap(dst)-len(dst) < need {
		dst = append(make([]byte, 0, len(dst)+need), dst...)
	}
	w := jsonWriter{b: dst, indent: indent}
	d.write(&w)
	if indent {
		w.b = append(w.b, '\n')
	}
	return w.b, w.err
}

// WriteJSON writes the document to out as AppendJSON appends it, a chunk
// of about 32 KiB at a time: a report runs to many times its articles'
// size, and holding it whole costs more in fresh memory than writing it.
// A number JSON cannot hold (see Check) is refused before anything is
// written; otherwise the error is out's first.
func (d *Document) WriteJSON(out io.Writer, indent bool) error {
	return d.streamJSON(out, indent, 32<<10)
}

func (d *Document) streamJSON(out io.Writer, indent bool, flushAt int) error {
	if err := d.Check(); err != nil {
		return err
	}
	w := jsonWriter{b: make([]byte, 0, flushAt+minFree), indent: indent, out: out, flushAt: flushAt}
	d.write(&w)
	if indent {
		w.b = append(w.b, '\n')
	}
	w.flush()
	if w.err != nil {
		return w.err
	}
	return w.werr
}

// Check returns the error encoding/json gives for the document's first
// number JSON cannot hold (NaN or an infinity), or nil. Reports never
// hold one; WriteJSON checks so that it never writes half a document.
// TestCheckFindsEveryNumber holds it to every number of every type.
func (d *Document) Check() error {
	bad := 0.0
	finite := func(f float64) bool {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			bad = f
			return false
		}
		return true
	}
	ok := true
	for i := 0; ok && i < len(d.Outlets); i++ {
		for j := 0; ok && j < len(d.Outlets[i].Sentences); j++ {
			ok = finite(d.Outlets[i].Sentences[j].Position)
		}
	}
	ok = ok && (d.Headlines == nil || finite(d.Headlines.Score))
	for i := 0; ok && i < len(d.Alignments); i++ {
		ok = finite(d.Alignments[i].Score)
	}
	for i := 0; ok && i < len(d.Stats); i++ {
		ok = finite(d.Stats[i].SharedShare)
		for j := 0; ok && j < len(d.Stats[i].Tones); j++ {
			ok = finite(d.Stats[i].Tones[j].PerThousand)
		}
	}
	for i := 0; ok && i < len(d.Speakers); i++ {
		ok = finite(d.Speakers[i].Share)
	}
	if ok {
		return nil
	}
	return unsupported(bad)
}

func (d *Document) write(w *jsonWriter) {
	w.open('{')
	w.intField("schema_version", d.SchemaVersion)
	w.key("event")
	d.Event.write(w)
	w.strField("reference", d.Reference)
	w.key("outlets")
	writeArray(w, d.Outlets, func(o *Outlet) { o.write(w) })
	w.key("headlines")
	if d.Headlines == nil {
		w.null()
	} else {
		d.Headlines.write(w)
	}
	w.key("alignments")
	writeArray(w, d.Alignments, func(a *Alignment) { a.write(w) })
	w.key("unique")
	writeArray(w, d.Unique, func(u *Unique) { u.write(w) })
	w.key("differences")
	writeArray(w, d.Differences, func(x *Difference) { x.write(w) })
	w.key("stats")
	writeArray(w, d.Stats, func(s *Stats) { s.write(w) })
	w.key("flags")
	writeArray(w, d.Flags, func(f *Flag) { f.write(w) })
	w.key("word_choices")
	writeArray(w, d.WordChoices, func(c *WordChoice) { c.write(w) })
	w.key("quotes")
	writeArray(w, d.Quotes, func(q *QuoteGroup) { q.write(w) })
	w.key("speakers")
	writeArray(w, d.Speakers, func(s *Speaker) { s.write(w) })
	w.close('}')
}

func (e *Event) write(w *jsonWriter) {
	w.open('{')
	w.strField("title", e.Title)
	w.strField("date", e.Date)
	w.close('}')
}

func (o *Outlet) write(w *jsonWriter) {
	w.open('{')
	w.strField("id", o.ID)
	w.strField("name", o.Name)
	w.strField("name_from", o.NameFrom)
	w.strField("source", o.Source)
	w.strField("headline", o.Headline)
	w.strField("published", o.Published)
	w.key("captions")
	w.strings(o.Captions)
	w.intField("words", o.Words)
	w.key("sentences")
	writeArray(w, o.Sentences, func(s *Sentence) { s.write(w) })
	w.key("removed")
	writeArray(w, o.Removed, func(r *Removed) { r.write(w) })
	w.key("quotes")
	writeArray(w, o.Quotes, func(q *Quote) { q.write(w) })
	w.key("statements")
	writeArray(w, o.Statements, func(s *Statement) { s.write(w) })
	w.close('}')
}

func (s *Sentence) write(w *jsonWriter) {
	w.open('{')
	w.intField("index", s.Index)
	w.intField("paragraph", s.Paragraph)
	w.strField("text", s.Text)
	w.intField("start", s.Start)
	w.intField("end", s.End)
	w.floatField("position", s.Position)
	w.close('}')
}

func (r *Removed) write(w *jsonWriter) {
	w.open('{')
	w.strField("rule", r.Rule)
	w.strField("text", r.Text)
	w.intField("start", r.Start)
	w.intField("end", r.End)
	w.close('}')
}

func (q *Quote) write(w *jsonWriter) {
	w.open('{')
	w.intField("index", q.Index)
	w.strField("text", q.Text)
	w.strField("speaker", q.Speaker)
	w.strField("speaker_text", q.SpeakerText)
	w.strField("attribution", q.Attribution)
	w.strField("kind", q.Kind)
	w.intField("start", q.Start)
	w.intField("end", q.End)
	w.key("parts")
	writeArray(w, q.Parts, func(p *[]int) { w.ints(*p) })
	w.key("sentences")
	w.ints(q.Sentences)
	w.close('}')
}

func (s *Statement) write(w *jsonWriter) {
	w.open('{')
	w.intField("sentence", s.Sentence)
	w.strField("speaker", s.Speaker)
	w.strField("speaker_text", s.SpeakerText)
	w.strField("verb", s.Verb)
	w.strField("text", s.Text)
	w.intField("start", s.Start)
	w.intField("end", s.End)
	w.key("parts")
	writeArray(w, s.Parts, func(p *[]int) { w.ints(*p) })
	w.close('}')
}

func (h *Headlines) write(w *jsonWriter) {
	w.open('{')
	w.floatField("score", h.Score)
	w.key("members")
	writeArray(w, h.Members, func(m *HeadlineMember) {
		w.open('{')
		w.strField("outlet", m.Outlet)
		w.strField("text", m.Text)
		w.close('}')
	})
	w.close('}')
}

func (a *Alignment) write(w *jsonWriter) {
	w.open('{')
	w.strField("id", a.ID)
	w.floatField("score", a.Score)
	w.key("members")
	writeArray(w, a.Members, func(m *Member) {
		w.open('{')
		w.strField("outlet", m.Outlet)
		w.key("sentences")
		w.ints(m.Sentences)
		w.close('}')
	})
	w.key("evidence")
	w.open('{')
	w.key("names")
	w.strings(a.Evidence.Names)
	w.key("numbers")
	w.strings(a.Evidence.Numbers)
	w.key("words")
	w.strings(a.Evidence.Words)
	w.key("related")
	w.strings(a.Evidence.Related)
	w.key("quotes")
	w.strings(a.Evidence.Quotes)
	w.close('}')
	w.close('}')
}

func (u *Unique) write(w *jsonWriter) {
	w.open('{')
	w.strField("outlet", u.Outlet)
	w.key("sentences")
	w.ints(u.Sentences)
	w.close('}')
}

func (d *Difference) write(w *jsonWriter) {
	w.open('{')
	w.strField("group", d.Group)
	w.strField("from", d.From)
	w.strField("to", d.To)
	w.key("ops")
	writeArray(w, d.Ops, func(op *DiffOp) { op.write(w) })
	w.close('}')
}

func (op *DiffOp) write(w *jsonWriter) {
	w.open('{')
	w.strField("op", op.Op)
	w.strField("from_text", op.FromText)
	w.strField("to_text", op.ToText)
	w.intField("from_start", op.FromStart)
	w.intField("from_end", op.FromEnd)
	w.intField("to_start", op.ToStart)
	w.intField("to_end", op.ToEnd)
	w.close('}')
}

func (s *Stats) write(w *jsonWriter) {
	w.open('{')
	w.strField("outlet", s.Outlet)
	w.intField("words", s.Words)
	w.intField("sentences", s.Sentences)
	w.intField("aligned_sentences", s.AlignedSentences)
	w.intField("shared_facts", s.SharedFacts)
	w.floatField("shared_share", s.SharedShare)
	w.intField("narration_words", s.NarrationWords)
	w.key("concepts")
	writeArray(w, s.Concepts, func(c *ConceptUse) {
		w.open('{')
		w.strField("concept", c.Concept)
		w.strField("term", c.Term)
		w.intField("count", c.Count)
		w.close('}')
	})
	w.key("tones")
	writeArray(w, s.Tones, func(t *ToneCount) {
		w.open('{')
		w.strField("category", t.Category)
		w.strField("tone", t.Tone)
		w.intField("count", t.Count)
		w.floatField("per_1000_words", t.PerThousand)
		w.close('}')
	})
	w.close('}')
}

func (f *Flag) write(w *jsonWriter) {
	w.open('{')
	w.strField("outlet", f.Outlet)
	w.intField("sentence", f.Sentence)
	w.strField("term", f.Term)
	w.strField("text", f.Text)
	w.strField("category", f.Category)
	w.strField("concept", f.Concept)
	w.strField("tone", f.Tone)
	w.strField("scope", f.Scope)
	w.intField("start", f.Start)
	w.intField("end", f.End)
	w.strField("note", f.Note)
	w.key("suggest")
	w.strings(f.Suggest)
	w.close('}')
}

func (c *WordChoice) write(w *jsonWriter) {
	w.open('{')
	w.strField("alignment", c.Alignment)
	w.strField("category", c.Category)
	w.strField("concept", c.Concept)
	w.key("choices")
	writeArray(w, c.Choices, func(ch *Choice) {
		w.open('{')
		w.strField("outlet", ch.Outlet)
		w.strField("term", ch.Term)
		w.strField("text", ch.Text)
		w.strField("tone", ch.Tone)
		w.strField("note", ch.Note)
		w.close('}')
	})
	w.close('}')
}

func (q *QuoteGroup) write(w *jsonWriter) {
	w.open('{')
	w.strField("id", q.ID)
	w.strField("speaker", q.Speaker)
	w.boolField("disputed", q.Disputed)
	w.strField("text", q.Text)
	w.strField("kind", q.Kind)
	w.strField("source", q.Source)
	w.key("outlets")
	writeArray(w, q.Outlets, func(u *QuoteUse) {
		w.open('{')
		w.strField("outlet", u.Outlet)
		w.strField("status", u.Status)
		w.strField("text", u.Text)
		w.strField("speaker", u.Speaker)
		w.intField("quote", u.Quote)
		w.key("quotes")
		w.ints(u.Quotes)
		w.intField("sentence", u.Sentence)
		w.key("diff")
		writeArray(w, u.Diff, func(op *DiffOp) { op.write(w) })
		w.close('}')
	})
	w.close('}')
}

func (s *Speaker) write(w *jsonWriter) {
	w.open('{')
	w.strField("outlet", s.Outlet)
	w.strField("speaker", s.Speaker)
	w.intField("quotes", s.Quotes)
	w.intField("words", s.Words)
	w.floatField("share", s.Share)
	w.close('}')
}
