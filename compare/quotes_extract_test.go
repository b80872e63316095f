package compare

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// articleOf builds an article from a body text as the pipeline does.
func articleOf(t testing.TB, body string) Article {
	t.Helper()
	a, err := buildArticle(Document{Source: "t.txt", Name: "t", Kind: "text", Outlet: "T", OutletFrom: "manifest",
		Headline: "A headline", Text: body})
	if err != nil {
		t.Fatal(err)
	}
	a.ID = "t"
	return a
}

func quotesOf(t testing.TB, body string) []Quote {
	t.Helper()
	arts := []Article{articleOf(t, body)}
	findQuotes(arts)
	return arts[0].Quotes
}

// TestQuoteExtraction checks quote marks, apostrophes, nesting, quotes
// interrupted by their attribution and quotes over several paragraphs.
func TestQuoteExtraction(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // each quote's text, parts joined by " | "
	}{
		{"straight", `"We will win," Ana Ruiz said.`, []string{"We will win,"}},
		{"curly", `“We will win,” Ana Ruiz said.`, []string{"We will win,"}},
		{"guillemets", `«Nous gagnerons», said Ana Ruiz.`, []string{"Nous gagnerons"}},
		{"apostrophes are not quotes", `Russia’s plan and the teachers' union don't matter in the '80s or ’90s, rock 'n' roll aside.`, nil},
		{"possessive then quote", `The workers' leader, Ana Ruiz, said: "We won't sign the council’s plan."`, []string{"We won't sign the council’s plan."}},
		{"nested single quote", `“He told us ‘never again’ last year,” Ana Ruiz said.`, []string{"He told us ‘never again’ last year,"}},
		{"nested plural possessive", `“The teachers’ union said ‘no’ to the workers’ plan,” Ana Ruiz said.`, []string{"The teachers’ union said ‘no’ to the workers’ plan,"}},
		{"interrupted", `"We will not sign," Dorsey said, "until the terms change."`, []string{"We will not sign, | until the terms change."}},
		{"interrupted curly, said X", `“We will not sign,” said Ana Ruiz, “until the terms change.”`, []string{"We will not sign, | until the terms change."}},
		{"two quotes, two sentences", `"We will not sign," Dorsey said. "The terms are bad," Ruiz said.`, []string{"We will not sign,", "The terms are bad,"}},
		{"multi-sentence", `"We will not sign. The terms are bad," Dorsey said.`, []string{"We will not sign. The terms are bad,"}},
		{"multi-paragraph", "\"We will not sign. The terms are bad.\n\n\"We will keep talking,\" Dorsey said.", []string{"We will not sign. The terms are bad. | We will keep talking,"}},
		{"partial", `Rasmussen described the threat as “unjustified.”`, []string{"unjustified."}},
		{"scare quotes", `The so-called "consultation" lasted an hour.`, []string{"consultation"}},
		{"interrupted by a title", `"The strike," said Prof. Halina Nowak, "is a symptom."`, []string{"The strike, | is a symptom."}},
		{"interrupted by an initial", `"The strike," said J. Nowak, "is a symptom."`, []string{"The strike, | is a symptom."}},
		{"straight marks nested in straight marks", `"He called it "a disgrace" and left," Ana Ruiz said.`,
			[]string{`He called it "a disgrace" and left,`}},
		{"straight marks nested, then a second quote", `"Not "a disgrace" at all," she said. "We will see," Ruiz said.`,
			[]string{`Not "a disgrace" at all,`, "We will see,"}},
		{"straight marks, a quote never closed", `"We will win, Dorsey said. "The terms are bad," Ruiz said.`,
			[]string{"We will win, Dorsey said. ", "The terms are bad,"}},
		{"unclosed at paragraph end", "The minister spoke for an hour at the town hall.\n\nHe said \"we will see what happens\n\nThe vote is on Friday.", []string{"we will see what happens"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := quotesOf(t, tt.body)
			var got []string
			for _, q := range qs {
				var parts []string
				for _, p := range q.Parts {
					parts = append(parts, tt.body[p.Start:p.End])
				}
				got = append(got, strings.Join(parts, " | "))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("quotes:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}

// TestQuoteSpeakers checks the attribution patterns.
func TestQuoteSpeakers(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // each quote's speaker
	}{
		{"X said", `"We will win," Ana Ruiz said.`, []string{"Ana Ruiz"}},
		{"said X, a", `"We will win," said Ana Ruiz, a spokeswoman for the port.`, []string{"Ana Ruiz"}},
		{"X said:", `Ana Ruiz said: "We will win."`, []string{"Ana Ruiz"}},
		{"told reporters", `Ana Ruiz told reporters: "We will win."`, []string{"Ana Ruiz"}},
		{"according to", `"We will win," according to Ana Ruiz.`, []string{"Ana Ruiz"}},
		{"described as", `Ana Ruiz described the plan as "reckless."`, []string{"Ana Ruiz"}},
		{"said that ... partial", `Ana Ruiz said that the talks had reached a "dead end."`, []string{"Ana Ruiz"}},
		{"titles", `"We hold the line," said Lt. Gen. Ana Ruiz.`, []string{"Ana Ruiz"}},
		{"aide, not the minister", `Minister Carl Dorsey left early. "We are done," said the minister's aide, Lara Voss.`, []string{"Lara Voss"}},
		{"surname later", `Ana Ruiz spoke first. "We will win," Ruiz said.`, []string{"Ana Ruiz"}},
		{"pronoun", `Ana Ruiz spoke first. "We will win," she said.`, []string{"Ana Ruiz"}},
		{"relative clause", `Carl Dorsey answered Ana Ruiz's letter, in which she wrote that the plan was "reckless."`, []string{"Ana Ruiz"}},
		{"continuing remarks", "\"We will win,\" Ana Ruiz said.\n\n\"Nobody else will do it for us.\"", []string{"Ana Ruiz", "Ana Ruiz"}},
		{"body", `The Interior Ministry said in a statement: "Order is restored."`, []string{"Interior Ministry"}},
		{"description", `Deputy Mayor Ilse Brandt opened the meeting. "The bridge is safe," the mayor said.`, []string{"Ilse Brandt"}},
		{"relative clause about the subject", `Tomas Reyl, who lives in Kettle Hill, said: "The water came up in minutes."`, []string{"Tomas Reyl"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := quotesOf(t, tt.body)
			var got []string
			for _, q := range qs {
				got = append(got, q.Speaker)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("speakers %q, want %q", got, tt.want)
			}
		})
	}
}

// TestQuoteSpeakerText checks each quote's speaker and the words naming
// them: just the noun phrase, never the verb or an opening phrase before
// it, for titles, particles, descriptions, bodies and pronouns.
func TestQuoteSpeakerText(t *testing.T) {
	type who struct{ speaker, text string }
	tests := []struct {
		name, body string
		want       []who
	}{
		{"description before a verb used as a noun",
			`Anders Rasmussen, the alliance chief, spoke on Friday. The alliance chief also dismissed Russia's warning of a strike as "unjustified."`,
			[]who{{"Anders Rasmussen", "The alliance chief"}}},
		{"hit that is no speech verb", "Passengers on the Marisol described the moment the ferry hit the sandbar as \"terrifying\".",
			[]who{{"passengers", "Passengers on the Marisol"}}}, // not "moment the ferry"
		{"a group and where it is", "Passengers on the Marisol described the crossing as \"terrifying\".",
			[]who{{"passengers", "Passengers on the Marisol"}}},
		{"a group and whose it is, after the quote", "\"We were never told,\" residents of the estate said.",
			[]who{{"residents", "residents of the estate"}}},
		{"a group told reporters", "Workers at the plant told reporters: \"Nobody warned us.\"",
			[]who{{"workers", "Workers at the plant"}}},
		{"a counted group", "Two officials in the ministry said: \"The file was lost.\"",
			[]who{{"officials", "Two officials in the ministry"}}},
		{"a described group", "Striking workers at the Kell mill said: \"We will not go back.\"",
			[]who{{"striking workers", "Striking workers at the Kell mill"}}},
		{"supporters are not the person they support", "Ana Ruiz spoke first.\n\nSupporters of Ana Ruiz said the plan was \"bold\".",
			[]who{{"supporters", "Supporters of Ana Ruiz"}}},
		{"critics are not the body they criticise", "\"It is reckless,\" critics of the Interior Ministry said.",
			[]who{{"critics", "critics of the Interior Ministry"}}},
		{"residents are not their place", "Residents of Kettle Hill said: \"We were never told.\"",
			[]who{{"residents", "Residents of Kettle Hill"}}},
		{"officials speak for their body", "Officials at the Interior Ministry said the plan was \"sound\".",
			[]who{{"Interior Ministry", "Officials at the Interior Ministry"}}},
		{"a title in lower case", "\"The spill is contained,\" fire chief Ana Ruiz said. Mayor Carl Dorsey arrived later.\n\n\"We stay until dark,\" the fire chief said.",
			[]who{{"Ana Ruiz", "Ana Ruiz"}, {"Ana Ruiz", "the fire chief"}}},
		{"a title in lower case after a capital", "Union leader Ana Ruiz and Mayor Carl Dorsey met on Monday.\n\n\"We will strike,\" the union leader said.",
			[]who{{"Ana Ruiz", "the union leader"}}},
		{"a group named in two words", "Police officers at the scene said: \"Stay back.\"",
			[]who{{"police officers", "Police officers at the scene"}}},
		{"damage is no speaker", "Damage on the Marisol was described as \"minor\".", []who{{"", ""}}},
		{"damage described, no subject", "Damage on the Marisol described as \"minor\" by the coastguard.", []who{{"", ""}}},
		{"boxes are no speakers", "Boxes on the dock said \"fragile\".", []who{{"", ""}}},
		{"documents are no speakers", "Documents from the ministry said the pier was \"unsafe\".", []who{{"", ""}}},
		{"hit out is speech", "Mayor Ilse Brandt hit out at the port: \"This is a disgrace.\"",
			[]who{{"Ilse Brandt", "Ilse Brandt"}}},
		{"a statement no one is named as owning", "The port authority issued a statement on Monday.\n\n\"We regret the disruption,\" the statement said.",
			[]who{{"statement", "the statement"}}},
		{"a statement after the body that issued it", "The Port Authority issued a statement on Monday.\n\n\"We regret the disruption,\" the statement said.",
			[]who{{"Port Authority", "the statement"}}},
		{"a letter is not the speaker before", "Mayor Ilse Brandt spoke at noon. \"We will talk,\" she said. \"Nobody is leaving,\" the letter said.",
			[]who{{"Ilse Brandt", "she"}, {"letter", "the letter"}}},
		{"opening phrase", `In a statement, the Interior Ministry said: "Order is restored."`,
			[]who{{"Interior Ministry", "the Interior Ministry"}}},
		{"an aside between commas", `The Interior Ministry, in a statement, said: "Order is restored."`,
			[]who{{"Interior Ministry", "The Interior Ministry"}}},
		{"participle phrase",
			"Mayor Ilse Brandt closed the bridge.\n\nSpeaking to reporters outside city hall, the mayor added: \"It stays shut.\"",
			[]who{{"Ilse Brandt", "the mayor"}}},
		{"particles",
			"Ana de la Cruz wrote on social media: \"This bridge carried my grandfather.\"\n\n\"It is our history,\" de la Cruz said.",
			[]who{{"Ana de la Cruz", "Ana de la Cruz"}, {"Ana de la Cruz", "de la Cruz"}}},
		{"particles and appositive", `Tomas van der Berg, the chief executive, said: "The offer is generous."`,
			[]who{{"Tomas van der Berg", "Tomas van der Berg"}}},
		{"abbreviated title",
			"\"We can build a crossing,\" said Gen. Piet Halvorsen.\n\nMayor Ilse Brandt thanked him.\n\n\"We have the equipment,\" the general said.",
			[]who{{"Piet Halvorsen", "Piet Halvorsen"}, {"Piet Halvorsen", "the general"}}},
		{"unnamed voice", "Mayor Ilse Brandt spoke first. \"We will win,\" she said.\n\n\"It's a disgrace,\" one docker shouted.",
			[]who{{"Ilse Brandt", "she"}, {"docker", "one docker"}}},
		{"plural possessive", "\"We will win,\" Ana Ruiz said.\n\n\"We are disappointed,\" the teachers' union said.",
			[]who{{"Ana Ruiz", "Ana Ruiz"}, {"teachers' union", "the teachers' union"}}},
		{"curly plural possessive", "\"We will win,\" Ana Ruiz said.\n\n“We are disappointed,” the teachers’ union said.",
			[]who{{"Ana Ruiz", "Ana Ruiz"}, {"teachers’ union", "the teachers’ union"}}},
		{"a body's officer", "Anders Rasmussen, the NATO chief, arrived.\n\n\"We will talk,\" Ana Ruiz said.\n\nNATO's chief said: \"The door is open.\"",
			[]who{{"Ana Ruiz", "Ana Ruiz"}, {"Anders Rasmussen", "NATO's chief"}}},
		{"second quote joined by and", `Henrik Sallow said the plan was "painful but necessary" and "the only way to balance the books."`,
			[]who{{"Henrik Sallow", "Henrik Sallow"}, {"Henrik Sallow", ""}}},
		{"second quote in a clause of its own",
			`"Safety comes first," Paul Whitcombe said. He said the firm would "cooperate fully," and he offered an apology to everyone "whose morning was ruined."`,
			[]who{{"Paul Whitcombe", "Paul Whitcombe"}, {"Paul Whitcombe", "He"}, {"Paul Whitcombe", "he"}}},
		{"a body's statement",
			"\"We will win,\" Ana Ruiz said.\n\nThe Interior Ministry has said little. Its statement, issued on Tuesday, read: \"Order is restored.\"",
			[]who{{"Ana Ruiz", "Ana Ruiz"}, {"Interior Ministry", "Its"}}},
		{"according to a statement from a body",
			`According to a statement from the Quillton Ferry Company, "services will resume on Wednesday."`,
			[]who{{"Quillton Ferry Company", "the Quillton Ferry Company"}}},
		{"someone's unnamed aide",
			"\"We will publish it tomorrow,\" said Emma Thorne.\n\nThorne's spokeswoman said: \"Ms. Thorne has nothing to add.\"",
			[]who{{"Emma Thorne", "Emma Thorne"}, {"Thorne's spokeswoman", "Thorne's spokeswoman"}}},
		{"the nearer of two speakers",
			"Councillor Piet Hamm met Dr. Ines Varga.\n\nHamm said Varga had told him in March that the wing was \"fully funded.\"",
			[]who{{"Ines Varga", "Varga"}}},
		{"a pronoun for the first speaker",
			"Councillor Piet Hamm met Dr. Ines Varga.\n\nHamm said he had told Varga in March that the wing was \"fully funded.\"",
			[]who{{"Piet Hamm", "Hamm"}}},
		{"company before a titled name", `Harrow Water boss Liam McCarthy said: "We will pay for the repairs."`,
			[]who{{"Liam McCarthy", "Liam McCarthy"}}},
		{"unnamed subject of a relative clause",
			"\"We will win,\" Ana Ruiz said.\n\nOutside the hall, a grandmother who gave her name only as Edith said: \"My grandson cried all night.\"",
			[]who{{"Ana Ruiz", "Ana Ruiz"}, {"grandmother", "a grandmother"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []who
			for _, q := range quotesOf(t, tt.body) {
				got = append(got, who{q.Speaker, q.SpeakerText})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("speakers %q, want %q", got, tt.want)
			}
		})
	}
}

// TestStatementSpeakers checks who reports speech without quotation
// marks: "the government" is no other body that spoke before, a body's name
// may hold a plural possessive, and an abbreviation in parentheses is not
// part of the words naming it.
func TestStatementSpeakers(t *testing.T) {
	tests := []struct{ body, speaker, text string }{
		{"United Harbour Workers said the plan would cut jobs. In January, the government announced a fund to retrain port workers.",
			"government", "the government"},
		{"The Railway Workers' Federation said the number of track staff had fallen.",
			"Railway Workers' Federation", "The Railway Workers' Federation"},
		{"The National Rail Accident Board (NRAB) said it had opened an investigation.",
			"National Rail Accident Board", "The National Rail Accident Board"},
	}
	for _, tt := range tests {
		arts := []Article{articleOf(t, tt.body)}
		findQuotes(arts)
		found := false
		for _, s := range arts[0].Statements {
			found = found || (s.Speaker == tt.speaker && s.SpeakerText == tt.text)
		}
		if !found {
			t.Errorf("%q: statements %+v, want one by %q (%q)", tt.body, arts[0].Statements, tt.speaker, tt.text)
		}
	}
}

// TestStatementAfterAdverbial checks that a time or place between the verb
// and "that" is not part of what was reported.
func TestStatementAfterAdverbial(t *testing.T) {
	tests := []struct{ body, text string }{
		{"Russian Defense Minister Anatoly Serdyukov had warned on Thursday that talks had reached a dead end.", "talks had reached a dead end"},
		{"Mayor Ilse Brandt said at a meeting in Orvale on Friday that the barrier would be rebuilt.", "the barrier would be rebuilt"},
		{"Mayor Ilse Brandt said in a statement that the barrier would be rebuilt.", "the barrier would be rebuilt"},
		// Whom the speaker told is not what was said.
		{"Ana Ruiz told the Harbor Ledger that the pier was closed.", "the pier was closed"},
		{"Ana Ruiz told him the pier was closed.", "the pier was closed"},
		// No "that": the words after the verb are what was said.
		{"Mayor Ilse Brandt said on Friday the barrier would be rebuilt.", "on Friday the barrier would be rebuilt"},
		// A comma first: "that" belongs to a later clause.
		{"Mayor Ilse Brandt said on Friday, after the vote, the barrier that failed would be rebuilt.", "on Friday, after the vote, the barrier that failed would be rebuilt"},
	}
	for _, tt := range tests {
		arts := []Article{articleOf(t, tt.body)}
		findQuotes(arts)
		var got []string
		for _, s := range arts[0].Statements {
			got = append(got, s.Text)
		}
		if len(got) != 1 || got[0] != tt.text {
			t.Errorf("%q: statements %q, want %q", tt.body, got, tt.text)
		}
	}
}

// TestSpeakerNameEndingLy checks that a first name ending in -ly is not
// read as an adverb: "Mayor Anatoly Serdyukov said" is Anatoly Serdyukov.
func TestSpeakerNameEndingLy(t *testing.T) {
	for _, body := range []string{
		"The talks ended. Mayor Anatoly Serdyukov said the talks had failed.",
		"The talks ended. \"Talks failed,\" Minister Anatoly Serdyukov said.",
		"Anatoly Serdyukov said the talks had failed.",
	} {
		arts := []Article{articleOf(t, body)}
		findQuotes(arts)
		var speakers []string
		for _, q := range arts[0].Quotes {
			speakers = append(speakers, q.Speaker)
		}
		for _, s := range arts[0].Statements {
			speakers = append(speakers, s.Speaker)
		}
		if len(speakers) != 1 || speakers[0] != "Anatoly Serdyukov" {
			t.Errorf("%q: speakers %q, want Anatoly Serdyukov", body, speakers)
		}
	}
}

// FuzzQuotes feeds arbitrary text to quote extraction: no panic, every
// offset inside the text, parts in order, quotes never overlapping.
func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		`"We will not sign," Dorsey said, "until the terms change."`,
		"\"One.\n\n\"Two,\" she said.",
		`“He told us ‘never again’ last year,” she said. The teachers' union's '80s rock 'n' roll.`,
		`""""''''“”“”«»»«`,
		`Ana Ruiz's letter, in which she wrote that the plan was "reckless."`,
		`"It is ours," de la Cruz said. Teachers' Union Secretary General Ana Ruiz said: "No."`,
		`In a statement, the Railway Workers' Federation (RWF) said it was "reckless."`,
		`"He called it "a disgrace" and left," she said. The spill, firefighters said, had been contained.`,
		"“We let our passengers down.”\n— Lena Varga, chief executive",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) {
			return
		}
		a, err := buildArticle(Document{Source: "f.txt", Name: "f", Kind: "text", Outlet: "F", OutletFrom: "manifest", Text: body})
		if err != nil {
			return
		}
		a.ID = "f"
		arts := []Article{a}
		findQuotes(arts)
		last := -1
		for _, q := range arts[0].Quotes {
			if q.Start < 0 || q.End > len(a.Text) || q.Start > q.End {
				t.Fatalf("quote %q at %d..%d outside the text (%d bytes)", q.Text, q.Start, q.End, len(a.Text))
			}
			for _, p := range q.Parts {
				if p.Start < last || p.Start > p.End || p.End > len(a.Text) {
					t.Fatalf("part %d..%d overlaps or leaves the text (last end %d)", p.Start, p.End, last)
				}
				last = p.End
			}
		}
		for _, s := range arts[0].Statements {
			if s.Start < 0 || s.End > len(a.Text) || s.Start > s.End {
				t.Fatalf("statement at %d..%d outside the text", s.Start, s.End)
			}
			at := s.Start
			for _, p := range s.Parts {
				if p.Start < at || p.Start > p.End || p.End > s.End {
					t.Fatalf("statement part %d..%d out of order or outside %d..%d", p.Start, p.End, s.Start, s.End)
				}
				at = p.End
			}
		}
	})
}

// TestBareGroupSpeakers checks that a group named without an article
// right before the reporting verb is the speaker, not the sentence's
// subject or a place named earlier.
func TestBareGroupSpeakers(t *testing.T) {
	tests := []struct{ body, speaker string }{
		{"The march reached the port from the Town Hall; police put the crowd at 2,400, while organisers claimed 5,000 people took part.", "organisers"},
		{"Ana Ruiz led the march, and union leaders said the strike would go on for a week.", "union leaders"},
		{"The plan was approved on Monday, but hospital staff told reporters it would cost too much.", "hospital staff"},
		{"Passengers on the Marisol said the crossing was terrifying.", "passengers"},
		{"The ferry docked at noon, and residents of the estate said the pier had been closed for a week.", "residents"},
	}
	for _, tt := range tests {
		arts := []Article{articleOf(t, tt.body)}
		findQuotes(arts)
		var got []string
		for _, s := range arts[0].Statements {
			got = append(got, s.Speaker)
		}
		if !slices.Contains(got, tt.speaker) {
			t.Errorf("%q: statement speakers %q, want %q among them", tt.body, got, tt.speaker)
		}
	}
}

// TestWordTokensEmptyRange checks that a range ending before it starts (a
// quote's attribution window can) gives no tokens rather than a panic.
func TestWordTokensEmptyRange(t *testing.T) {
	text := `"Yes," she said. "No."`
	for _, r := range [][2]int{{10, 4}, {28, 16}, {5, 5}} {
		if toks := wordTokens(text, r[0], min(r[1], len(text))); len(toks) != 0 {
			t.Errorf("wordTokens(%d, %d) = %v, want none", r[0], r[1], toks)
		}
	}
}

// TestAbbreviationPeriods checks which periods between two quoted parts
// may stand inside one attribution: a title's or an initial's, not one
// ending a sentence.
func TestAbbreviationPeriods(t *testing.T) {
	tests := []struct {
		gap  string
		want bool
	}{
		{` said Prof. Nowak, `, true},
		{` said Lt. Gen. Ana Ruiz, `, true},
		{` said J. Nowak of the U.S. team, `, true},
		{` Nowak said. `, false},
		{` said Nowak. Then, `, false},
		{` said Dr.`, true},
		{`.`, false},
		{` no period at all, `, true},
	}
	for _, tt := range tests {
		if got := abbreviationPeriods(tt.gap); got != tt.want {
			t.Errorf("abbreviationPeriods(%q) = %v, want %v", tt.gap, got, tt.want)
		}
	}
}

// TestFrontedStatements checks speech reported before its attribution,
// which ends the sentence after a comma: the words before the comma are
// what was said, and an opening phrase, a subject with its clause or a
// sentence going on after "said" is not taken for them.
func TestFrontedStatements(t *testing.T) {
	type stmt struct{ speaker, text string }
	tests := []struct {
		body string
		want []stmt
	}{
		{"The spill has been contained, firefighters said.", []stmt{{"firefighters", "The spill has been contained"}}},
		{"The spill has been contained, Ana Ruiz said on Monday.", []stmt{{"Ana Ruiz", "The spill has been contained"}}},
		{"The road will reopen on Friday, the Interior Ministry said in a statement.",
			[]stmt{{"Interior Ministry", "The road will reopen on Friday"}}},
		{"The road will reopen on Friday, Ana Ruiz told the Harbor Ledger.", []stmt{{"Ana Ruiz", "The road will reopen on Friday"}}},
		{"The road will reopen on Friday, said Ana Ruiz, the fire chief.", []stmt{{"Ana Ruiz", "The road will reopen on Friday"}}},
		{"The spill has been contained, according to Ana Ruiz.", []stmt{{"Ana Ruiz", "The spill has been contained"}}},
		// Not before the attribution.
		{"On Monday, Ana Ruiz said.", nil},
		{"Separately, police said.", nil},
		{"Pell Orrin, who runs the shelter, said the volunteers were tired.", []stmt{{"Pell Orrin", "the volunteers were tired"}}},
		{"The crews worked all night, and the road, which had been shut, reopened.", nil},
	}
	for _, tt := range tests {
		arts := []Article{articleOf(t, tt.body)}
		findQuotes(arts)
		var got []stmt
		for _, s := range arts[0].Statements {
			got = append(got, stmt{s.Speaker, s.Text})
			if arts[0].Text[s.Start:s.End] != s.Text {
				t.Errorf("%q: statement %q is not the text at %d..%d", tt.body, s.Text, s.Start, s.End)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: statements %q, want %q", tt.body, got, tt.want)
		}
	}
}

// TestSignedQuotes checks a quotation signed after a dash, on its line or
// on the next one, in plain text: the signature names the speaker, and a
// dash clause that is no signature names no one.
func TestSignedQuotes(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"em dash on the line", "“We let our passengers down.” — Lena Varga, chief executive", "Lena Varga"},
		{"next line", "“We let our passengers down.”\n— Lena Varga, chief executive", "Lena Varga"},
		{"next paragraph", "“We let our passengers down.”\n\n— Lena Varga, chief executive\n\nThe ferry sank in May.", "Lena Varga"},
		{"horizontal bar", "“We let our passengers down.” ― Lena Varga", "Lena Varga"},
		{"en dash and a body", "“We let our passengers down.” – Lena Varga, chief executive of Harbor Ferries", "Lena Varga"},
		{"two hyphens, straight marks", "\"We let our passengers down.\" -- Lena Varga, chief executive", "Lena Varga"},
		{"a dash clause that is no name", "The mayor spoke on Monday. “We will return” — a promise the mayor broke.", ""},
		{"the sentence goes on", "“We will return” — Lena Varga's words in May — were heard again on Monday.", ""},
		{"a link, not a name", "“We let our passengers down.”\n— Home", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := quotesOf(t, tt.body)
			if len(qs) != 1 || qs[0].Speaker != tt.want {
				t.Errorf("quotes %+v, want one by %q", qs, tt.want)
			}
		})
	}
}

// TestGroupSpeakerCase checks that a group's name does not depend on
// whether it opens the sentence, so that outlets writing "Firefighters
// said" and "firefighters said" name one speaker; a body's capitals stay.
func TestGroupSpeakerCase(t *testing.T) {
	tests := []struct{ body, speaker string }{
		{"Firefighters said the spill had been contained.", "firefighters"},
		{"The fire spread overnight, and firefighters said the spill had been contained.", "firefighters"},
		{"Union leaders said the strike would go on.", "union leaders"},
		{"Passengers on the Marisol said the crossing was terrifying.", "passengers"},
		{"The crossing was terrifying, passengers on the Marisol said.", "passengers"},
		{"Harbor Ferries said the crossing was safe.", "Harbor Ferries"},
	}
	for _, tt := range tests {
		arts := []Article{articleOf(t, tt.body)}
		findQuotes(arts)
		if st := arts[0].Statements; len(st) != 1 || st[0].Speaker != tt.speaker {
			t.Errorf("%q: statements %+v, want one by %q", tt.body, st, tt.speaker)
		}
	}
	qs := quotesOf(t, `Firefighters said: "The spill is contained."`)
	if len(qs) != 1 || qs[0].Speaker != "firefighters" || qs[0].SpeakerText != "Firefighters" {
		t.Errorf("quotes %+v, want one by firefighters, named Firefighters", qs)
	}
}

// TestInterruptedStatements checks speech whose attribution stands
// between commas inside it: what was said is the words on both sides, in
// two parts, and its text joins them.
func TestInterruptedStatements(t *testing.T) {
	type stmt struct{ speaker, text string }
	tests := []struct {
		body  string
		want  []stmt
		parts int
	}{
		{"The spill, firefighters said, had been contained.", []stmt{{"firefighters", "The spill had been contained"}}, 2},
		{"The road, police said on Monday, will reopen on Friday.", []stmt{{"police", "The road will reopen on Friday"}}, 2},
		{"The spill, according to the fire chief Ana Ruiz, had been contained.", []stmt{{"Ana Ruiz", "The spill had been contained"}}, 2},
		{"The road, Ana Ruiz told reporters, will reopen on Friday.", []stmt{{"Ana Ruiz", "The road will reopen on Friday"}}, 2},
		// An opening phrase and its comma: the speech follows the verb.
		{"On Monday, police said, the road would reopen.", []stmt{{"police", "the road would reopen"}}, 1},
		// A relative clause, and an aside with no speech in it.
		{"Ana Ruiz, the fire chief, said the road would reopen.", []stmt{{"Ana Ruiz", "the road would reopen"}}, 1},
		{"The ferry, the pride of the line, sank in May.", nil, 0},
	}
	for _, tt := range tests {
		arts := []Article{articleOf(t, tt.body)}
		findQuotes(arts)
		var got []stmt
		for _, s := range arts[0].Statements {
			got = append(got, stmt{s.Speaker, s.Text})
			var texts []string
			for _, p := range s.Parts {
				texts = append(texts, arts[0].Text[p.Start:p.End])
			}
			if len(s.Parts) != tt.parts || strings.Join(texts, " ") != s.Text ||
				s.Start != s.Parts[0].Start || s.End != s.Parts[len(s.Parts)-1].End {
				t.Errorf("%q: parts %q of %d..%d, want %d joining to %q", tt.body, texts, s.Start, s.End, tt.parts, s.Text)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: statements %q, want %q", tt.body, got, tt.want)
		}
	}
}

// TestThingIsNoSpeaker checks that a description naming a thing ("the
// ferry") names no speaker, and that its attribution still keeps the
// quote from the speaker before; people and bodies described still
// speak.
func TestThingIsNoSpeaker(t *testing.T) {
	tests := []struct{ body, speaker string }{
		{"The ferry on the Marisol route said the crossing was safe.", ""},
		{"The plan says the pier will close in May.", ""},
		{"The driver of the bus said the crossing was safe.", "driver of the bus"},
		{"The captain on the Marisol route said the crossing was safe.", "captain on the Marisol route"},
		{"The mediators said the talks would resume.", "mediators"},
		{"The operator of the line said the crossing was safe.", "operator of the line"},
	}
	for _, tt := range tests {
		arts := []Article{articleOf(t, tt.body)}
		findQuotes(arts)
		var got []string
		for _, s := range arts[0].Statements {
			got = append(got, s.Speaker)
		}
		if want := []string{tt.speaker}; tt.speaker == "" && len(got) != 0 || tt.speaker != "" && !slices.Equal(got, want) {
			t.Errorf("%q: statement speakers %q, want %q", tt.body, got, tt.speaker)
		}
	}
	qs := quotesOf(t, "\"We will sail,\" Ana Ruiz said.\n\nThe ferry on the Marisol route said: \"We are safe.\"")
	if len(qs) != 2 || qs[1].Speaker != "" || qs[1].SpeakerText != "The ferry on the Marisol route" {
		t.Errorf("quotes %+v, want the second by no one, named the ferry", qs)
	}
}

// TestCompanySaid checks who "the company" is: the body the article
// calls so ("the textile company Carrow Looms"), else the description
// itself; never a group or a person named in another sentence, whether
// before a speech verb ("Economists said", "Oduya said") or near the
// word ("appealed to the company").
func TestCompanySaid(t *testing.T) {
	tests := []struct{ name, body, speaker string }{
		{"a group speaks next", "The company said the mill had lost money for six straight years. Economists said the move would secure the company's future.",
			"company"},
		{"a surname spoke before", "Union leader Tomas Oduya spoke at the gates. Oduya said the walkout would go on. The company said the mill had lost money for six straight years.",
			"company"},
		{"a group capitalized by the sentence", "Bosses said the mill was old. The company said the mill had lost money for six straight years.",
			"company"},
		{"a person near the word", "The mayor of Velmar, Petra Hale, appealed to the company to delay the closure. Staff will receive four weeks' pay, the company said.",
			"company"},
		{"the body the article calls so", "The textile company Carrow Looms announced a restructuring on Monday. Union leader Tomas Oduya said the walkout would go on. The company said the mill had lost money for six straight years.",
			"Carrow Looms"},
		{"two bodies called so", "The company Carrow Looms and the company Velmar Weaving met. The company said the mill had lost money for six straight years.",
			"company"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := []Article{articleOf(t, tt.body)}
			findQuotes(arts)
			for _, s := range arts[0].Statements {
				if strings.EqualFold(s.SpeakerText, "the company") {
					if s.Speaker != tt.speaker {
						t.Errorf("the company is %q, want %q", s.Speaker, tt.speaker)
					}
					return
				}
			}
			t.Errorf("no statement by the company in %+v", arts[0].Statements)
		})
	}
}

// TestSignatureLine checks that a dash line under a quotation naming who
// said it is taken out of the story under its own rule, wherever it
// stands, and still names the quote's speaker; a page's link under a
// quote is no signature.
func TestSignatureLine(t *testing.T) {
	const sig = "— Lena Varga, chief executive"
	tests := []struct{ name, body, rule, speaker string }{
		{"next line, inside the story", "The Marisol ran aground on Monday.\n\n“We let our passengers down.”\n" + sig + "\n\nThe ferry sank in May.",
			RuleSignature, "Lena Varga"},
		{"next paragraph, inside the story", "The Marisol ran aground on Monday.\n\n“We let our passengers down.”\n\n" + sig + "\n\nThe ferry sank in May.",
			RuleSignature, "Lena Varga"},
		{"ending the story", "The Marisol ran aground on Monday.\n\n“We let our passengers down.”\n" + sig + "\n",
			RuleSignature, "Lena Varga"},
		{"straight marks", "The Marisol ran aground on Monday.\n\n\"We let our passengers down.\"\n" + sig + "\n",
			RuleSignature, "Lena Varga"},
		{"a link", "The Marisol ran aground on Monday.\n\n“We let our passengers down.”\n— Home\n",
			RuleNavigation, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := []Article{articleOf(t, tt.body)}
			findQuotes(arts)
			a := arts[0]
			var rules []string
			for _, r := range a.Removed {
				rules = append(rules, r.Rule+": "+r.Text)
			}
			dash := sig
			if tt.speaker == "" {
				dash = "— Home"
			}
			if want := tt.rule + ": " + dash; !slices.Contains(rules, want) {
				t.Errorf("removed %q, want %q among them", rules, want)
			}
			for _, s := range a.Sentences {
				if strings.Contains(s.Text, "Lena Varga") {
					t.Errorf("the signature is a sentence: %q", s.Text)
				}
			}
			if len(a.Quotes) != 1 || a.Quotes[0].Speaker != tt.speaker {
				t.Errorf("quotes %+v, want one by %q", a.Quotes, tt.speaker)
			}
		})
	}
}

// TestDocumentSource checks that a document whose owner is not named is
// the source of what it says, as a body is, in lower case, whether it is
// quoted or reported and wherever its attribution stands; a named owner,
// or a body named just before, is the source instead.
func TestDocumentSource(t *testing.T) {
	tests := []struct{ body, speaker, text string }{
		{"The report said 40 people died in the fire.", "report", "The report"},
		{"The document said the mill had lost money for six straight years.", "document", "The document"},
		{"The letter said the council would look for a buyer.", "letter", "The letter"},
		{"Forty people died in the fire, the report said.", "report", "the report"},
		{"Forty people died in the fire, according to the report.", "report", "the report"},
		{"A study by Ana Ruiz said the pier was unsafe.", "Ana Ruiz", "Ana Ruiz"},
		{"The Interior Ministry published its findings on Monday. The report said 40 people died in the fire.", "Interior Ministry", "The report"},
	}
	for _, tt := range tests {
		arts := []Article{articleOf(t, tt.body)}
		findQuotes(arts)
		if st := arts[0].Statements; len(st) != 1 || st[0].Speaker != tt.speaker || st[0].SpeakerText != tt.text {
			t.Errorf("%q: statements %+v, want one by %q (%q)", tt.body, st, tt.speaker, tt.text)
		}
	}
	qs := quotesOf(t, `The report said: "The mill is not viable."`)
	if len(qs) != 1 || qs[0].Speaker != "report" {
		t.Errorf("quotes %+v, want one by report", qs)
	}
}

// TestTheyAfterGroup checks that "they" after a group of people is that
// group: the one that spoke just before, or the one a sentence opens with,
// not the place it is of ("Residents of Kettle Hill") nor a person named
// earlier; members of a body still speak for it.
func TestTheyAfterGroup(t *testing.T) {
	tests := []struct{ body, speaker string }{
		{"Residents of Kettle Hill said the water came up in minutes. They said the council had ignored warnings.", "residents"},
		{"Residents of Kettle Hill met on Monday. They said the council had ignored warnings.", "residents"},
		{"Mayor Ana Ruiz met residents on Monday. Firefighters said the fire was out. They said the roof had held.", "firefighters"},
		{"Mayor Ana Ruiz spoke on Monday. Residents met in the hall, and they said the council had ignored warnings.", "residents"},
		{"Officials at the Interior Ministry met on Monday. They said the river had peaked.", "Interior Ministry"},
		{"Residents of Kettle Hill said the water came up.\n\nThe Interior Ministry sent a team. They said the river had peaked.", "Interior Ministry"},
	}
	for _, tt := range tests {
		arts := []Article{articleOf(t, tt.body)}
		findQuotes(arts)
		st := arts[0].Statements
		if len(st) == 0 || !strings.EqualFold(st[len(st)-1].SpeakerText, "they") || st[len(st)-1].Speaker != tt.speaker {
			t.Errorf("%q: statements %+v, want the last by %q (they)", tt.body, st, tt.speaker)
		}
	}
	qs := quotesOf(t, "Residents of Kettle Hill said the water came up in minutes. \"We had no warning,\" they said.")
	if len(qs) != 1 || qs[0].Speaker != "residents" {
		t.Errorf("quotes %+v, want one by residents", qs)
	}
}

// TestPresentTenseGroups checks that a group's present tense reports
// speech as "says" does ("Residents say ...", "..., residents say"),
// while "say" after "to", "not" or a helping verb reports none.
func TestPresentTenseGroups(t *testing.T) {
	tests := []struct{ body, speaker, text string }{
		{"Residents of Kettle Hill say the water came up in minutes.", "residents", "the water came up in minutes"},
		{"The ward will close in May, residents say.", "residents", "The ward will close in May"},
		{"Firefighters warn that the roof could fall at any moment.", "firefighters", "the roof could fall at any moment"},
		{"Critics argue the plan will cost more than it saves.", "critics", "the plan will cost more than it saves"},
		{"Officials declined to say whether the ward would close in May.", "", ""},
		{"Nurses would not say whether the ward would close in May.", "", ""},
	}
	for _, tt := range tests {
		arts := []Article{articleOf(t, tt.body)}
		findQuotes(arts)
		st := arts[0].Statements
		if tt.speaker == "" && len(st) != 0 || tt.speaker != "" && (len(st) != 1 || st[0].Speaker != tt.speaker || st[0].Text != tt.text) {
			t.Errorf("%q: statements %+v, want %q by %q", tt.body, st, tt.text, tt.speaker)
		}
	}
}

// TestInvertedDescription checks "..., said" followed by a description of
// the speaker rather than a name, with the name after it or not; a clause
// after "said" names no one.
func TestInvertedDescription(t *testing.T) {
	tests := []struct{ body, speaker string }{
		{"The ward will close in May, said the unit's head, Dr Ana Ruiz.", "Ana Ruiz"},
		{"The ward will close in May, said the fire chief, Ana Ruiz, on Monday.", "Ana Ruiz"},
		{"The ward will close in May, said a spokeswoman for the hospital.", "spokeswoman for the hospital"},
		{"Mayor Ilse Brandt opened the bridge.\n\nThe bridge is safe, said the mayor.", "Ilse Brandt"},
		{"The ward will close in May, said Dr Ana Ruiz, who leads the unit.", "Ana Ruiz"},
		{"He arrived late, said the volunteers were tired.", ""},
	}
	for _, tt := range tests {
		arts := []Article{articleOf(t, tt.body)}
		findQuotes(arts)
		var got []string
		for _, s := range arts[0].Statements {
			got = append(got, s.Speaker)
		}
		if want := []string{tt.speaker}; tt.speaker == "" && len(got) != 0 || tt.speaker != "" && !slices.Equal(got, want) {
			t.Errorf("%q: statement speakers %q, want %q", tt.body, got, tt.speaker)
		}
	}
}
