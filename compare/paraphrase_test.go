package compare

import (
	"strings"
	"testing"
)

// paraphraseCase is one statement quoted by outlet "one" and, in outlet
// "two", either given in the outlet's own words (sentence names the
// sentence that does it) or not given at all: a sentence on the same topic,
// the same speaker saying something else, or the reporter's narration that
// repeats a word or two.
type paraphraseCase struct {
	name     string
	one, two string
	quote    string // words of the quoted statement, to find its group
	sentence string // the paraphrasing sentence of "two", or "" when it omits the statement
	// beyond, for a paraphrase, says why it is past what the search can
	// see: it counts as missed in the recall, and is not an error.
	beyond string
}

// paraphraseCases are fictional; none is taken from the test events.
var paraphraseCases = []paraphraseCase{
	// Paraphrases.
	{
		name:     "urged, named by title",
		one:      "Flood warning for Vell\n\nMayor Ada Quill ordered the lower town of Vell cleared on Sunday as the river rose. \"I am asking every family to leave now,\" the mayor said. Buses waited at the church.\n",
		two:      "Flood warning for Vell\n\nThe river rose through Sunday in the lower town of Vell. The mayor urged every family to leave. Buses waited at the church.\n",
		quote:    "every family to leave now",
		sentence: "The mayor urged every family to leave.",
	},
	{
		name:     "which he called fair, one-word partial quote",
		one:      "Rent plan unveiled\n\nHousing minister Oren Tallis unveiled a rent plan for Dunmore on Monday. Tallis called the plan \"fair\" and said rents would be frozen for two years. Landlords were not consulted.\n",
		two:      "Rent plan unveiled\n\nHousing minister Oren Tallis spoke at the launch of a rent plan for Dunmore on Monday. He defended the plan, which he called fair. Landlords were not consulted.\n",
		quote:    "fair",
		sentence: "He defended the plan, which he called fair.",
	},
	{
		name:     "which he called fair, long statement",
		one:      "Rent plan unveiled\n\nHousing minister Oren Tallis unveiled a rent plan for Dunmore on Monday. \"This is a fair plan and it protects every tenant in the city,\" Tallis said. Landlords were not consulted.\n",
		two:      "Rent plan unveiled\n\nHousing minister Oren Tallis spoke in Dunmore on Monday. He unveiled the rent plan, which he called fair. Landlords were not consulted.\n",
		quote:    "fair plan and it protects",
		sentence: "He unveiled the rent plan, which he called fair.",
	},
	{
		name:     "called it fair, short full quote",
		one:      "Rent plan unveiled\n\nHousing minister Oren Tallis unveiled a rent plan for Dunmore on Monday. \"This plan is fair,\" Tallis told reporters. Landlords were not consulted.\n",
		two:      "Rent plan unveiled\n\nHousing minister Oren Tallis spoke at the launch of a rent plan for Dunmore on Monday, which he called fair. Landlords were not consulted on the freeze.\n",
		quote:    "This plan is fair",
		sentence: "which he called fair",
	},
	{
		name:     "in what she called",
		one:      "Tenants protest\n\nTenants of the Orla estate marched to the town hall on Friday. \"We have been betrayed by the board,\" said Ines Marlow, who chairs the tenants' association. The board did not comment.\n",
		two:      "Tenants protest\n\nTenants of the Orla estate marched to the town hall on Friday. Ines Marlow accused the board of what she called a betrayal of tenants. The board did not comment.\n",
		quote:    "betrayed by the board",
		sentence: "what she called a betrayal",
	},
	{
		name:     "warned that",
		one:      "River rising\n\nThe Senn rose another metre overnight. \"The river will break its banks before midnight,\" hydrologist Sela Varn said. Sandbags were handed out in the square.\n",
		two:      "River rising\n\nThe Senn rose another metre overnight. Hydrologist Sela Varn warned that the river could overflow its banks by midnight. Sandbags were handed out in the square.\n",
		quote:    "break its banks",
		sentence: "Varn warned that the river could overflow",
	},
	{
		name:     "related words, said",
		one:      "Shelter stretched\n\nThe Brisk Lane shelter took in 300 people this week. \"Our volunteers are exhausted and the kitchen is empty,\" said Pell Orrin, who runs the shelter. Donations can be left at the library.\n",
		two:      "Shelter stretched\n\nThe Brisk Lane shelter took in 300 people this week. Pell Orrin, who runs it, said the volunteers were tired and the kitchen was bare. Donations can be left at the library.\n",
		quote:    "volunteers are exhausted",
		sentence: "said the volunteers were tired",
	},
	{
		name:     "pronoun in the next sentence, urged",
		one:      "Coast road closed\n\nStorm Hild brought down power lines along the coast on Tuesday. \"Please stay off the coast road tonight,\" police chief Dana Merrit told reporters. Schools will open late.\n",
		two:      "Coast road closed\n\nStorm Hild brought down power lines along the coast on Tuesday. Police chief Dana Merrit briefed reporters at noon. She urged drivers to keep off the coast road overnight. Schools will open late.\n",
		quote:    "stay off the coast road",
		sentence: "She urged drivers to keep off the coast road overnight.",
		beyond:   "two words of five by stem; stay/keep and tonight/overnight are not related words in the table",
	},
	{
		name:     "partial quote, no one for nobody",
		one:      "Dam inspected\n\nEngineers inspected the Tarn dam on Wednesday. Engineer Tova Lind wrote of \"cracks nobody can explain\" in the north wall. The reservoir is being lowered.\n",
		two:      "Dam inspected\n\nEngineers inspected the Tarn dam on Wednesday. Tova Lind told the council that the north wall was cracking and that no one could explain why. The reservoir is being lowered.\n",
		quote:    "cracks nobody can explain",
		sentence: "Tova Lind told the council",
	},
	{
		name:     "described as",
		one:      "Depot to close\n\nThe Kerrow bus depot will close in March, the operator said. \"It was a reckless and dangerous decision,\" union leader Roza Feld said of the closure. Drivers will move to Ashby.\n",
		two:      "Depot to close\n\nThe Kerrow bus depot will close in March, the operator said. Union leader Roza Feld described the closure as reckless and dangerous. Drivers will move to Ashby.\n",
		quote:    "reckless and dangerous decision",
		sentence: "Feld described the closure as reckless",
	},
	{
		name:     "according to",
		one:      "Festival opens\n\nThe Lumen festival opened in Carrow on Thursday. \"Ticket sales are up by a third,\" said festival director Lumi Sarro. Trains will run late all weekend.\n",
		two:      "Festival opens\n\nThe Lumen festival opened in Carrow on Thursday evening. Ticket sales rose by a third, according to festival director Lumi Sarro. Trains will run late all weekend.\n",
		quote:    "Ticket sales are up",
		sentence: "according to festival director",
	},
	{
		name:     "a body, it said",
		one:      "Depot future\n\nWorkers at the Olm depot feared for their jobs after the merger. \"We have no plans to close the depot,\" Harlan Freight said in a statement. The merger closes in May.\n",
		two:      "Depot future\n\nWorkers at the Olm depot feared for their jobs after the merger. Harlan Freight said it had no plan to shut the depot. The merger closes in May.\n",
		quote:    "no plans to close the depot",
		sentence: "Harlan Freight said it had no plan",
	},
	{
		name:     "called the hearing a circus",
		one:      "Hearing ends\n\nThe inquiry into the Brell contract ended its third day. Senator Yoss Tamar dismissed the hearing as \"a circus.\" Two witnesses did not appear.\n",
		two:      "Hearing ends\n\nThe inquiry into the Brell contract ended its third day. Senator Yoss Tamar called the hearing a circus. Two witnesses did not appear.\n",
		quote:    "a circus",
		sentence: "called the hearing a circus",
	},
	{
		name:     "figures in words and digits",
		one:      "Hospital hiring\n\nThe Brenmoor hospital has been short of staff since the winter. \"We will hire forty nurses by June,\" health director Amos Kell said. The wards stay open.\n",
		two:      "Hospital hiring\n\nThe Brenmoor hospital has been short of staff since the winter. Amos Kell said the hospital would take on 40 nurses by June. The wards stay open.\n",
		quote:    "hire forty nurses",
		sentence: "take on 40 nurses",
	},
	{
		name:     "pronoun after a paragraph break",
		one:      "Clinic hours\n\nThe Fenn clinic is the only one for 40 miles. \"The clinic will stay open on weekends through the winter, and nobody will be turned away,\" said Dr. Wren Alcott, who runs it.\n",
		two:      "Clinic hours\n\nThe Fenn clinic is the only one for 40 miles. Dr. Wren Alcott has run it since 2019.\n\nShe said it would remain open at weekends all winter and would turn no patient away.\n",
		quote:    "stay open on weekends",
		sentence: "She said it would remain open",
	},
	{
		name:     "calling it",
		one:      "Budget passed\n\nThe Morrow budget passed by two votes. \"This budget is a betrayal of every pensioner,\" opposition leader Mara Dunst said. The tax rise starts in April.\n",
		two:      "Budget passed\n\nThe Morrow budget passed by two votes. Opposition leader Mara Dunst attacked it, calling it a betrayal of pensioners. The tax rise starts in April.\n",
		quote:    "betrayal of every pensioner",
		sentence: "calling it a betrayal of pensioners",
	},
	{
		name:     "one sentence of a longer statement",
		one:      "Tanker leak\n\nA tanker overturned on the Gorse bypass at dawn. \"The leak is under control. The risk to residents is low, but the cordon stays until the last tanker has been emptied,\" fire commander Joss Ardley said. The bypass stays shut.\n",
		two:      "Tanker leak\n\nA tanker overturned on the Gorse bypass at dawn. Fire commander Joss Ardley said the leak was under control by midday. The bypass stays shut.\n",
		quote:    "The leak is under control",
		sentence: "Ardley said the leak was under control",
	},
	{
		name:     "the statement before its attribution",
		one:      "Ferry halted\n\nThe Quillton ferry stopped running on Monday after a crane fell on the quay. \"Crossings will resume on Thursday once the crane is lifted,\" harbourmaster Ivo Brask said. Passengers were sent to the bridge.\n",
		two:      "Ferry halted\n\nThe Quillton ferry stopped running on Monday after a crane fell on the quay. Crossings should resume on Thursday when the crane has been lifted, harbourmaster Ivo Brask told the Harbor Ledger. Passengers were sent to the bridge.\n",
		quote:    "Crossings will resume",
		sentence: "Crossings should resume on Thursday",
	},

	// Not paraphrases.
	{
		name:  "same topic, no statement",
		one:   "Flood warning for Vell\n\nMayor Ada Quill ordered the lower town of Vell cleared on Sunday as the river rose. \"I am asking every family to leave now,\" the mayor said. Buses waited at the church.\n",
		two:   "Flood warning for Vell\n\nThe river rose through Sunday in the lower town of Vell. Most families had left by nightfall. Buses waited at the church.\n",
		quote: "every family to leave now",
	},
	{
		name:  "same speaker, another matter, one shared word",
		one:   "School rebuilt\n\nThe Marl Street school burned down in January. \"We will rebuild the school by spring,\" Mayor Ada Quill said. Pupils are taught in the library.\n",
		two:   "School rebuilt\n\nThe Marl Street school burned down in January. Quill said the spring budget would be published next month. Pupils are taught in the library.\n",
		quote: "rebuild the school by spring",
	},
	{
		name:  "narration repeats two words",
		one:   "Trawler lost\n\nThe trawler Ebba sank off Kelmouth on Saturday. \"Kelmouth needs its harbour and its harbour needs its crews,\" said harbourmaster Ivo Brask. The harbour will hold a vigil.\n",
		two:   "Trawler lost\n\nThe trawler Ebba sank off Kelmouth on Saturday. Coastguard crews needed two hours to reach the wreck. The harbour will hold a vigil.\n",
		quote: "Kelmouth needs its harbour",
	},
	{
		name:  "another speaker says the opposite",
		one:   "Coast road\n\nStorm Hild brought down power lines along the coast on Tuesday. \"The coast road will reopen to traffic on Friday morning,\" transport chief Nils Amber said. Schools will open late.\n",
		two:   "Coast road\n\nStorm Hild brought down power lines along the coast on Tuesday. Police said the coast road would stay closed to traffic until Friday morning. Schools will open late.\n",
		quote: "coast road will reopen",
	},
	{
		name:  "another speaker says the opposite, attribution last",
		one:   "Coast road\n\nStorm Hild brought down power lines along the coast on Tuesday. \"The coast road will reopen to traffic on Friday morning,\" transport chief Nils Amber said. Schools will open late.\n",
		two:   "Coast road\n\nStorm Hild brought down power lines along the coast on Tuesday. The coast road would stay closed to traffic until Friday morning, police said. Schools will open late.\n",
		quote: "coast road will reopen",
	},
	{
		name:  "a group on the scene says something else",
		one:   "Ferry halted\n\nThe Quillton ferry stopped running on Monday after a crane fell on the quay. \"Crossings will resume on Thursday once the crane is lifted,\" harbourmaster Ivo Brask said. Passengers were sent to the bridge.\n",
		two:   "Ferry halted\n\nThe Quillton ferry stopped running on Monday after a crane fell on the quay. Passengers on the quay said the crane had been swaying for an hour before it fell. Passengers were sent to the bridge.\n",
		quote: "Crossings will resume",
	},
	{
		name:  "same speaker, another thing, single partial word",
		one:   "Depot to close\n\nThe Kerrow bus depot will close in March. Union leader Roza Feld called the closure \"reckless.\" Drivers will move to Ashby.\n",
		two:   "Depot to close\n\nThe Kerrow bus depot will close in March. Union leader Roza Feld said reckless drivers had caused most crashes on the bypass. Drivers will move to Ashby.\n",
		quote: "reckless",
	},
	{
		name:  "narration shares one word of a partial quote",
		one:   "Stadium opens\n\nThe Harrow stadium opened on Saturday, two years late. Mayor Ada Quill called the stadium \"a monument to waste.\" The first match sold out.\n",
		two:   "Stadium opens\n\nThe Harrow stadium opened on Saturday, two years late. It cost twice its budget, a waste that critics have long condemned. The first match sold out.\n",
		quote: "monument to waste",
	},
	{
		name:  "speaker named, no report of speech",
		one:   "Dam holds\n\nThe Tarn reservoir reached a record level on Monday. \"The dam is safe and the town is not in danger,\" engineer Tova Lind said. Roads stay open.\n",
		two:   "Dam holds\n\nThe Tarn reservoir reached a record level on Monday. Engineer Tova Lind inspected the dam and found the town's flood gates in safe working order. Roads stay open.\n",
		quote: "The dam is safe",
	},
	{
		name:  "another speaker's statement names the first",
		one:   "Evacuation row\n\nThe Vell river rose again on Sunday. \"Every family must leave the valley now,\" Mayor Ada Quill said. Buses waited at the church.\n",
		two:   "Evacuation row\n\nThe Vell river rose again on Sunday. Councillor Bo Imre said every family should be allowed to stay, defying Mayor Ada Quill. Buses waited at the church.\n",
		quote: "Every family must leave",
	},
	{
		name:  "same speaker quoted saying something else",
		one:   "Dam holds\n\nThe Tarn reservoir reached a record level on Monday. \"The dam is safe and the town is not in danger,\" engineer Tova Lind said. Roads stay open.\n",
		two:   "Dam holds\n\nThe Tarn reservoir reached a record level on Monday. \"We are watching it hour by hour,\" engineer Tova Lind said of the dam, as the town waited. Roads stay open.\n",
		quote: "The dam is safe",
	},
	{
		name:  "same speaker, same topic, no shared claim",
		one:   "Pier repairs\n\nStorms damaged the Kelmouth pier in the winter. \"We will rebuild the east pier before the summer season starts,\" harbourmaster Ivo Brask said. The pier cafe stays shut.\n",
		two:   "Pier repairs\n\nStorms damaged the Kelmouth pier in the winter. Harbourmaster Ivo Brask said the pier had drawn record crowds last summer. The pier cafe stays shut.\n",
		quote: "rebuild the east pier",
	},
	{
		name:  "same speaker, one word of each sentence of a longer statement",
		one:   "Tanker leak\n\nA tanker overturned on the Gorse bypass at dawn. \"The leak is under control. The risk to residents is low, but the cordon stays until the last tanker has been emptied,\" fire commander Joss Ardley said. The bypass stays shut.\n",
		two:   "Tanker leak\n\nA tanker overturned on the Gorse bypass at dawn. Fire commander Joss Ardley said residents could collect their cars from the cordon after the leak. The bypass stays shut.\n",
		quote: "The leak is under control",
	},
	{
		name:  "same speaker calls something else what the statement calls",
		one:   "Rent plan unveiled\n\nHousing minister Oren Tallis unveiled a rent plan for Dunmore on Monday. \"This is a fair plan and it protects every tenant in the city,\" Tallis said. Landlords were not consulted.\n",
		two:   "Rent plan unveiled\n\nHousing minister Oren Tallis spoke in Dunmore on Monday. He called the vote on Monday fair but said the plan would need changes. Landlords were not consulted.\n",
		quote: "fair plan and it protects",
	},
	{
		name:  "narration with called, not speech",
		one:   "Square flooded\n\nWater reached the market square of Vell on Sunday. \"The pumps cannot keep up with this rain,\" fire chief Odo Brenn said. Shops closed early.\n",
		two:   "Square flooded\n\nWater reached the market square of Vell on Sunday. Residents called the fire brigade when the pumps in the square failed. Shops closed early.\n",
		quote: "pumps cannot keep up",
	},
}

// TestParaphraseCases checks each case's status in outlet two: no
// statement is called paraphrased where the outlet does not give it (a
// false paraphrase is worse than a missed one), and every paraphrase but
// those marked beyond is found, in the right sentence.
func TestParaphraseCases(t *testing.T) {
	var tp, fp, fn, tn int
	for _, c := range paraphraseCases {
		t.Run(c.name, func(t *testing.T) {
			res := compareTwo(t, c.one, c.two)
			var use *QuoteUse
			for gi := range res.Quotes {
				g := &res.Quotes[gi]
				if strings.Contains(strings.ToLower(g.Text), strings.ToLower(c.quote)) && g.Outlets[0].Quote >= 0 {
					use = &g.Outlets[1]
					break
				}
			}
			if use == nil {
				t.Fatalf("no statement quoted by one holds %q", c.quote)
			}
			if use.Quote >= 0 {
				t.Fatalf("two quotes the statement: %q", use.Text)
			}
			paraphrased := use.Status == StatusParaphrased
			switch {
			case c.sentence != "" && paraphrased && strings.Contains(use.Text, c.sentence):
				tp++
			case c.sentence != "" && c.beyond != "" && !paraphrased:
				fn++
				t.Logf("missed, as expected (%s)", c.beyond)
			case c.sentence != "":
				fn++
				t.Errorf("status %s (%q), want paraphrased by %q", use.Status, use.Text, c.sentence)
			case paraphrased:
				fp++
				t.Errorf("called paraphrased by %q, want omitted", use.Text)
			default:
				tn++
			}
		})
	}
	t.Logf("paraphrase cases: precision %.3f recall %.3f (%d found, %d false, %d missed, %d rightly omitted)",
		qratio(tp, tp+fp), qratio(tp, tp+fn), tp, fp, fn, tn)
}
