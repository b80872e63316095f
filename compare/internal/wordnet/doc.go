// Package wordnet tells the aligner when two different words may name the
// same thing: "attack" and "assault", "talks" and "negotiations", "invite"
// and "invitation", "threat" and "threaten", "injured" and "wounded".
//
// Groups maps a lowercase word to the ids of the related-word groups it
// belongs to; two words are related when their id lists share an id. The
// groups come from WordNet 3.0: the synonym sets of nouns, verbs and
// adjectives, and the derivational links between nouns and verbs. Only the
// frequent senses of each word are kept, proper nouns, collocations and a
// stop list of function-like and light words (be, have, make, say, state,
// tell, ...) are left out, and noun and verb inflections (talks, invited,
// arrests, wounded) are listed as words of their own. A shared group says
// that two words can mean the same, not that they do in a given sentence:
// it is evidence for an alignment, never a verdict. The table is no better
// than WordNet: it does not relate "arrested" and "detained" (WordNet has
// no link between them), nor "said" and "stated" (stop list), and a word
// keeps the frequent senses of all its readings ("sanctions" is also
// "approval", "summit" also "peak").
//
// The table is the generated text file related.txt, embedded in the binary
// and searched in place by Groups. To regenerate it, install the
// WordNet 3.0 database (Debian: apt-get install wordnet-base, which puts it
// in /usr/share/wordnet) and run, in this directory,
//
//	go generate
//
// or from the module root
//
//	go run ./compare/internal/wordnet/gen -wordnet /usr/share/wordnet -o compare/internal/wordnet/related.txt
//
// The generator's doc comment (gen/main.go) states the rules it applies;
// its -groups flag also writes the groups with their words, for review.
//
// WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
// The table is derived from the WordNet database and is distributed under
// the WordNet 3.0 licence, whose full text is in the file LICENSE-WordNet
// beside this one and is returned by License.
package wordnet

//go:generate go run ./gen -wordnet /usr/share/wordnet -o related.txt
