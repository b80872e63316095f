package compare

// SchemaVersion is the version of the Result layout; it changes whenever a
// field is added, renamed, removed or changes meaning.
const SchemaVersion = 3

// Result is everything Compare found about one event. It holds no rendering:
// reports turn it into text, Markdown, HTML or JSON.
type Result struct {
	// Event describes the event the articles are about.
	Event EventInfo
	// Reference is the id of the outlet the others are diffed against.
	Reference string
	// Articles are the cleaned articles, sorted by outlet id.
	Articles []Article
	// Headlines compares the articles' headlines as a group of their own;
	// nil when fewer than two articles have a headline.
	Headlines *HeadlineGroup
	// Alignments are the groups of sentences that report the same thing,
	// ordered by their first appearance in the reference outlet, then by the
	// other outlets in id order.
	Alignments []Alignment
	// Unique lists, per outlet, the sentences no other outlet matches.
	Unique []UniqueSentences
	// Differences are the word-level diffs of aligned sentences against the
	// reference outlet (or, where it has no member, the group's first outlet).
	Differences []Difference
	// Stats are per-outlet figures, in the order of Articles.
	Stats []OutletStats
	// Flags are the lexicon's terms found in every headline and sentence,
	// by article, then headline first, then sentence and offset.
	Flags []Flag
	// WordChoices are aligned places where outlets use different terms of
	// one concept or category.
	WordChoices []WordChoice
	// Quotes are the statements quoted by any outlet, with each outlet's
	// treatment of them.
	Quotes []QuoteGroup
	// Speakers are, per outlet in article order, its quotes and quoted
	// words per speaker, most words first.
	Speakers []SpeakerStats
}

// EventInfo is the event's own description, from a manifest when there is one.
type EventInfo struct {
	Title string
	Date  string
}

// Article is one outlet's text about the event after cleaning.
type Article struct {
	// ID is a short stable name for the outlet, unique within the event.
	ID string
	// Outlet is the outlet's display name.
	Outlet string
	// OutletFrom says where Outlet came from: manifest, html, copyright,
	// byline or file.
	OutletFrom string
	// Source names the input as the user gave it (a path or a URL).
	Source string
	// Headline is the article's headline, or "" when none was found.
	Headline string
	// Published is the publication date as YYYY-MM-DD, or "".
	Published string
	// Captions are photo captions found above the body, or under a
	// caption's label ("Image caption") anywhere, each once, without the
	// label; on a web page, the captions its markup gives anywhere (a
	// <figcaption>, a table's <caption>).
	Captions []string
	// Text is the article text as loaded; every offset refers to it.
	Text string
	// Sentences are the body's sentences in story order.
	Sentences []Sentence
	// Removed lists what cleaning took out of Text, in text order.
	Removed []Removal
	// Words is the number of words in the body.
	Words int
	// Quotes are the body's direct quotations, in text order.
	Quotes []Quote
	// Statements are the speech the body reports without quotation marks.
	Statements []Statement
	// blinded is the document's text before Blind hid the outlets' names.
	blinded *blindedText
}

// Sentence is one sentence of an article's body.
type Sentence struct {
	// Index is the sentence's zero-based position in the body.
	Index int
	// Paragraph is the zero-based body paragraph holding it.
	Paragraph int
	// Text is the sentence as written.
	Text string
	// Start and End are byte offsets of Text in the article's Text.
	Start, End int
	// Position is the sentence's relative place in the story, from 0 (the
	// lead) to 1 (the last sentence).
	Position float64
}

// Removal is one stretch of page furniture that cleaning took out.
type Removal struct {
	// Rule names the cleaning rule that removed it.
	Rule string
	// Text is what was removed.
	Text string
	// Start and End are byte offsets of the removed line in the article Text.
	Start, End int
}

// HeadlineGroup holds every article's headline for side-by-side reading.
type HeadlineGroup struct {
	// Score is the mean similarity of the headlines to the reference headline.
	Score float64
	// Members are the outlets' headlines in article order.
	Members []HeadlineMember
}

// HeadlineMember is one outlet's headline.
type HeadlineMember struct {
	Outlet string
	Text   string
}

// Alignment is a group of sentences from two or more outlets that report the
// same thing: a claim.
type Alignment struct {
	// ID is "a1", "a2", ... in the order of Result.Alignments.
	ID string
	// Score is the strongest pair similarity that joined the group, 0 to 1.
	Score float64
	// Members lists each outlet's sentences in the group, in article order.
	Members []Member
	// Evidence says why the members matched.
	Evidence Evidence
}

// Member is one outlet's contribution to an alignment: one sentence, or two
// consecutive sentences where the outlet split what others said in one.
type Member struct {
	Outlet    string
	Sentences []int
}

// Evidence lists what the members of an alignment share.
type Evidence struct {
	// Names are shared proper names.
	Names []string
	// Numbers are shared figures, normalized (3,000 and 3000 are one).
	Numbers []string
	// Words are shared content words by stem, as written in one member.
	Words []string
	// Related are pairs of different words that name related things
	// ("talks~negotiations").
	Related []string
	// Quotes are shared words inside quotation marks.
	Quotes []string
}

// UniqueSentences are the sentences of one outlet that no other outlet
// matches: commission for that outlet, omission for the others.
type UniqueSentences struct {
	Outlet    string
	Sentences []int
}

// Difference is the word-level diff of one aligned pair of outlets.
type Difference struct {
	// Group is the alignment id, or "headline".
	Group string
	// From is the outlet diffed against (the reference); To is the other.
	From, To string
	// Ops are the diff operations in text order.
	Ops []DiffOp
}

// DiffOp is one operation of a word diff. For equal and replace both sides are
// set; for delete only the From side, for insert only the To side. Offsets are
// byte offsets into each article's Text; -1 where a side is absent.
type DiffOp struct {
	// Op is one of equal, insert, delete, replace.
	Op                 string
	FromText, ToText   string
	FromStart, FromEnd int
	ToStart, ToEnd     int
}

// OutletStats are one outlet's figures.
type OutletStats struct {
	Outlet string
	// Words and Sentences count the body.
	Words, Sentences int
	// Aligned is the number of the outlet's sentences in some alignment.
	Aligned int
	// SharedFacts is the number of alignments the outlet takes part in.
	SharedFacts int
	// SharedShare is SharedFacts divided by the number of alignments.
	SharedShare float64
	// NarrationWords counts the body's words outside quotation marks.
	NarrationWords int
	// Concepts are the terms of each concept the outlet uses in its own
	// words, and how often.
	Concepts []ConceptUse
	// Tones count the outlet's flags in its own words by category and tone.
	Tones []ToneCount
}
