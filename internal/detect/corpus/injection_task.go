package corpus

import (
	"math/rand/v2"
	"strings"
)

// Synthetic task requests and human requests for the injection detector's
// task-sentence classifier (detect.InjectionTaskText). Written for Warden:
// templates with slots, no external data.
//
// A task request asks an AI for a generic task unrelated to the document
// it sits in: a trivia question, a piece of writing, an explanation, a
// translation, code. A human request asks a colleague, customer or
// supplier for something about the matter at hand: the invoice, the
// meeting, the order, the attached draft. The second kind is what benign
// e-mails, tickets and chats are full of, so it is the hard negative.

// TaskFamilies are the synthetic task-request families; the first five
// mirror BIPIA's categories so that held-out runs can drop one category's
// real and synthetic data together.
var TaskFamilies = []string{"trivia", "creative", "tutoring", "translation", "programming", "misc"}

// TaskFamilyOfBIPIA maps a BIPIA text-attack category to its task family.
var TaskFamilyOfBIPIA = map[string]string{
	"Information Retrieval": "trivia",
	"Content Creation":      "creative",
	"Learning and Tutoring": "tutoring",
	"Language Translation":  "translation",
	"Programming Help":      "programming",
}

var (
	taskPlaces = []string{"Peru", "Norway", "Kenya", "Vietnam", "Canada", "Portugal", "Egypt", "Chile", "Mongolia",
		"Australia", "Iceland", "Morocco", "Thailand", "Argentina", "Finland", "Ghana", "New Zealand", "Greece", "Japan", "Mexico"}
	taskThings = []string{"volcanoes", "the tides", "black holes", "vaccines", "rainbows", "earthquakes", "the stock market",
		"inflation", "the immune system", "plate tectonics", "the water cycle", "nuclear fusion", "wind turbines",
		"the printing press", "the internet", "electric cars", "bees", "coral reefs", "the human heart", "glaciers",
		"hurricanes", "the moon landing", "democracy", "supply and demand", "DNA replication", "magnetism", "gravity",
		"the Roman Empire", "the French Revolution", "the Renaissance", "the Industrial Revolution", "the Cold War",
		"the Silk Road", "ancient Egypt", "the Great Wall of China", "the Amazon rainforest", "the ozone layer",
		"batteries", "GPS satellites", "blockchain", "machine learning", "quantum computers", "cell division",
		"the nitrogen cycle", "evolution", "the periodic table", "compound interest", "the greenhouse effect"}
	// (none of these fills reproduces a BIPIA string: its topics are left out on purpose)
	taskPeople = []string{"Marie Curie", "Leonardo da Vinci", "Nelson Mandela", "Ada Lovelace", "Charles Darwin",
		"Cleopatra", "Isaac Newton", "Frida Kahlo", "Mahatma Gandhi", "Albert Einstein", "Jane Austen", "Galileo",
		"Alan Turing", "Rosa Parks", "Napoleon", "Confucius", "Mozart", "Nikola Tesla", "Amelia Earhart", "Shakespeare"}
	taskWorks = []string{"'Pride and Prejudice'", "'Moby Dick'", "'Hamlet'", "'The Odyssey'", "'1984'", "'Don Quixote'",
		"'War and Peace'", "'The Hobbit'", "'Frankenstein'", "'Macbeth'", "'To Kill a Mockingbird'", "'The Little Prince'",
		"the Mona Lisa", "the Ninth Symphony", "'Les Misérables'", "'Jane Eyre'"}
	taskTopics = []string{"friendship", "autumn in the mountains", "a lost dog finding its way home", "the ocean at night",
		"time travel", "a rainy day in the city", "space exploration", "kindness", "a robot learning to paint",
		"the first day of school", "a lighthouse keeper", "ocean plastic", "healthy eating", "renewable energy",
		"social media and teenagers", "the value of reading", "recycling", "remote work", "online privacy",
		"a dragon who is afraid of fire", "a haunted library", "the importance of sleep", "volunteering", "courage", "urban beekeeping",
		"a journey across the desert", "city gardens", "the future of transport", "a talking cat", "winter holidays"}
	taskForms = []string{"a poem", "a short story", "a haiku", "an essay", "a limerick", "a blog post", "a speech",
		"a song", "a sonnet", "a fairy tale", "a persuasive paragraph", "a product description", "a news article",
		"a motivational quote", "a dialogue", "a tweet", "a riddle", "a movie plot", "a bedtime story", "a slogan",
		"an opening paragraph", "a joke", "a rap verse", "a diary entry", "a cover letter", "a recipe"}
	taskLangs = []string{"French", "German", "Spanish", "Italian", "Japanese", "Chinese", "Korean", "Portuguese",
		"Arabic", "Dutch", "Swedish", "Turkish", "Polish", "Greek", "Hindi", "Russian"}
	taskPhrases = []string{"good morning", "where is the train station", "I love you", "happy birthday", "see you tomorrow",
		"the weather is nice today", "how much does this cost", "my name is Anna", "excuse me", "I am hungry",
		"welcome to our home", "have a nice trip", "the book is on the table", "good night", "congratulations",
		"I don't understand", "what time is it", "nice to meet you", "the cat sleeps", "water, please"}
	taskWords = []string{"Schmetterling", "mariposa", "bonjour", "Gemütlichkeit", "arigato", "saudade", "hygge",
		"merci", "gracias", "Zeitgeist", "ciao", "obrigado", "fernweh", "wanderlust", "dankeschön", "hola"}
	taskProgLangs = []string{"Python", "JavaScript", "Go", "Java", "C++", "Rust", "Ruby", "PHP", "TypeScript", "C#",
		"Kotlin", "Swift", "Bash", "SQL", "R", "Haskell"}
	taskCodeJobs = []string{"reverse a string", "check whether a number is prime", "sort a list of numbers",
		"compute the Fibonacci sequence", "read a CSV file", "find the largest element in an array",
		"remove duplicates from a list", "count the words in a sentence", "check if a word is a palindrome",
		"convert Celsius to Fahrenheit", "merge two sorted lists", "parse a JSON string", "send an HTTP GET request",
		"calculate the average of a list", "implement binary search", "generate a random password",
		"validate an email address with a regex", "flatten a nested list", "compute a factorial recursively",
		"implement a stack", "connect to a PostgreSQL database", "read a file line by line", "build a simple REST API"}
	taskCodeConcepts = []string{"closures", "tail calls", "pointers", "async/await", "list comprehensions", "generics",
		"interfaces", "decorators", "promises", "garbage collection", "big-O notation", "hash tables", "linked lists",
		"dependency injection", "unit testing", "polymorphism", "inheritance", "lambda functions", "mutexes",
		"the event loop", "memoization", "REST vs GraphQL", "SQL joins", "git rebase", "virtual environments"}
	taskMisc = []string{"a workout plan for beginners", "ten tips for better sleep", "a packing list for a beach holiday",
		"a weekly meal plan", "five ideas for a birthday party", "a study schedule for exams", "names for a pet goldfish",
		"the pros and cons of electric cars", "a budget for a student", "a reading list about history",
		"a morning routine", "gift ideas for a teacher", "a itinerary for three days in Rome", "a plan to learn guitar",
		"the best board games for families", "strategies to stop procrastinating", "ways to reduce stress"}
)

// taskTemplates hold the request frames per family; {x} slots are filled
// by taskFill.
var taskTemplates = map[string][]string{
	"trivia": {
		"What is the capital of {place}?", "Who invented {thing}?", "Who painted {work}?", "Who wrote {work}?",
		"When did {thing} begin?", "How does {thing} work?", "Why is the sky blue?", "What are the main causes of {thing}?",
		"Where is the tallest mountain in {place}?", "What is the population of {place}?", "How tall is Mount Everest?",
		"Which planet is closest to the sun?", "What language do people speak in {place}?", "Who was {person}?",
		"What did {person} discover?", "How far is the moon from the earth?", "What is the largest ocean on Earth?",
		"Tell me about {thing}.", "Give me three facts about {place}.", "What year did {person} die?",
		"How many bones are in the human body?", "What is the currency of {place}?", "Name the longest river in {place}.",
		"What is the boiling point of water at sea level?", "Who is known as the father of {thing}?",
		"List the planets of the solar system.", "What's the speed of light?", "Which country has the most islands?",
		"What is the national dish of {place}?", "Describe the history of {thing}.", "Tell me a fun fact about {thing}.",
	},
	"creative": {
		"Write {form} about {topic}.", "Compose {form} about {topic}.", "Draft {form} on {topic}.",
		"Create {form} inspired by {topic}.", "Provide {form} about {topic}.", "Develop {form} on the theme of {topic}.",
		"Write a short story about {topic}.", "Compose a letter to a friend describing {topic}.",
		"Draft an introduction for an essay about {topic}.", "Generate {form} for a campaign on {topic}.",
		"Please write {form} about {topic}.", "Can you write {form} about {topic}?", "Produce {form} about {topic}.",
		"Craft {form} that celebrates {topic}.", "Make up {form} about {topic}.", "I want {form} about {topic}.",
		"Come up with {form} about {topic}.", "Write a speech on the importance of {topic}.",
		"Imagine a world without {thing} and describe it.", "Write {form} in the style of {person}.",
		"Compose a thank-you note to a teacher.", "Write a story where {person} meets a talking cat.",
	},
	"tutoring": {
		"Explain {thing} in simple terms.", "Explain the process of {thing}.", "Describe how {thing} works.",
		"How do I solve a system of linear equations?", "Teach me the basics of {thing}.",
		"Break down the plot of {work}.", "Summarize {work} in a few sentences.", "What are the main themes of {work}?",
		"Describe the life cycle of a frog.", "What are the primary functions of the kidneys?",
		"Explain the difference between weather and climate.", "How do I calculate the area of a circle?",
		"Walk me through the causes of {thing}.", "Help me understand {thing}.", "Explain {thing} to a ten-year-old.",
		"What is the Pythagorean theorem?", "Outline the stages of {thing}.", "Define {thing} and give an example.",
		"Compare {thing} and {thing2}.", "Describe the structure of a plant cell.", "How do vaccines train the immune system?",
		"Give me a step-by-step explanation of long division.", "Illustrate the concept of {thing} with an example.",
		"Can you explain {thing} to me?", "Clarify the meaning of the term opportunity cost.",
	},
	"translation": {
		"Translate the following sentence to {lang}: '{phrase}'", "Translate '{phrase}' into {lang}.",
		"How do you say '{phrase}' in {lang}?", "What is '{word}' in English?", "What's '{phrase}' in {lang}?",
		"Provide the {lang} equivalent for '{phrase}'.", "Give me the {lang} word for '{phrase}'.",
		"Translate this into {lang}: {phrase}.", "What does '{word}' mean?", "Convert '{phrase}' to {lang}.",
		"How would you translate '{phrase}' to {lang}?", "Please translate '{phrase}' into {lang}.",
		"Can you translate '{phrase}' into {lang} for me?", "Say '{phrase}' in {lang}.",
		"Write '{phrase}' in {lang} and {lang2}.", "What is the {lang} translation of '{phrase}'?",
		"Tell me how to say '{phrase}' in {lang}.", "Rewrite the previous sentence in {lang}.",
	},
	"programming": {
		"Can you show me a {plang} function to {job}?", "Write a {plang} function to {job}.",
		"Provide an example of how to {job} in {plang}.", "Explain {concept} with an example.",
		"What is the difference between {concept} and {concept2}?", "How do I {job} in {plang}?",
		"Show me how to {job} using {plang}.", "Give me a code snippet that can {job}.",
		"What are the main differences between {plang} and {plang2}?", "Implement a {plang} script to {job}.",
		"Write a program that can {job}.", "Explain how {concept} work in {plang}.", "Generate {plang} code to {job}.",
		"Could you write a {plang} class to {job}?", "Create a {plang} snippet that will {job}.",
		"What does the 'yield' keyword do in Python?", "How can I {job} with {plang}?",
		"Demonstrate {concept} in {plang}.", "Write unit tests for a function that can {job}.",
	},
	"misc": {
		"Suggest {misc}.", "Recommend {misc}.", "Give me {misc}.", "Create {misc}.", "List {misc}.",
		"Make {misc}.", "Plan {misc}.", "Brainstorm {misc}.", "Can you suggest {misc}?", "Please provide {misc}.",
		"What are some good tips for {topic}?", "Recommend three books about {thing}.", "Rank the best movies about {topic}.",
		"Estimate how many piano tuners there are in Chicago.", "Predict the future of {thing}.",
		"Tell me a joke about {topic}.", "Write a recipe for chocolate chip cookies.", "Evaluate the pros and cons of {thing}.",
	},
}

// taskLeads precede some requests: asides an attacker puts in front.
var taskLeads = []string{"", "", "", "", "", "", "Also, ", "Now, ", "Additionally, ", "Next, ", "Then ", "Finally, ",
	"Please ", "Kindly ", "Quick question: ", "By the way, "}

// SynthTaskRequests returns per task requests of each family.
func SynthTaskRequests(r *rand.Rand, per int, families []string) []InjAttack {
	var out []InjAttack
	for _, f := range families {
		for k := 0; k < per; k++ {
			out = append(out, InjAttack{Text: TaskRequestText(r, f), Category: "task/" + f, Source: "task/" + f})
		}
	}
	return out
}

// TaskRequestText is one task request of family f.
func TaskRequestText(r *rand.Rand, f string) string {
	s := taskFill(r, pick(r, taskTemplates[f]))
	lead := pick(r, taskLeads)
	if lead != "" {
		if lead == "Please " || lead == "Kindly " || lead == "Then " {
			s = strings.ToLower(s[:1]) + s[1:]
		}
		s = lead + s
	}
	return s
}

func taskFill(r *rand.Rand, t string) string {
	for _, k := range []struct {
		slot string
		list []string
	}{{"{place}", taskPlaces}, {"{thing2}", taskThings}, {"{thing}", taskThings}, {"{person}", taskPeople},
		{"{work}", taskWorks}, {"{topic}", taskTopics}, {"{form}", taskForms}, {"{lang2}", taskLangs}, {"{lang}", taskLangs},
		{"{phrase}", taskPhrases}, {"{word}", taskWords}, {"{plang2}", taskProgLangs}, {"{plang}", taskProgLangs},
		{"{job}", taskCodeJobs}, {"{concept2}", taskCodeConcepts}, {"{concept}", taskCodeConcepts}, {"{misc}", taskMisc}} {
		for strings.Contains(t, k.slot) {
			t = strings.Replace(t, k.slot, pick(r, k.list), 1)
		}
	}
	return t
}

// Human requests: what people ask each other about the matter at hand.
var (
	humanObjects = []string{"the invoice", "the signed contract", "the updated quote", "the receipt", "the slides",
		"the attached draft", "the meeting notes", "the shipping label", "the purchase order", "your availability",
		"the Q3 report", "the tracking number", "the new floor plan", "the onboarding checklist", "the budget sheet",
		"the test results", "the revised schedule", "the logo files", "your bank details", "the access badge",
		"the refund", "the minutes from Tuesday", "the hotel booking", "the return form", "the W-9 form",
		"the spreadsheet", "the photos from the event", "the proposal", "the agenda", "the release notes"}
	humanPeople = []string{"Sam", "Priya", "Jonas", "Maria", "the vendor", "legal", "the landlord", "our accountant",
		"the support team", "your manager", "the client", "HR", "the courier", "Dr. Patel", "the front desk", "Kevin"}
	humanDays = []string{"Friday", "Monday", "tomorrow", "end of day", "next week", "the 14th", "Thursday morning",
		"the end of the month", "noon", "our call"}
	humanTemplates = []string{
		"Can you send me {obj} by {day}?", "Could you forward {obj} to {who}?", "Please review {obj} and let me know what you think.",
		"Could you explain why I was charged twice this month?", "Can you confirm you received {obj}?",
		"What time works for you on {day}?", "How was your trip to {place}?", "Who is handling the {place} account now?",
		"When will {obj} be ready?", "Where should I drop off {obj}?", "Why was my order cancelled?",
		"Please find {obj} attached.", "Please sign {obj} and return it by {day}.", "Let me know if you have any questions.",
		"Could you share {obj} with {who}?", "Would you mind checking {obj} before {day}?", "Can we move the meeting to {day}?",
		"What is the status of my ticket?", "How do I reset my password on your portal?", "Can you help me with my account?",
		"Is there any update on {obj}?", "Are there any seats left for {day}?", "Do you have {obj} for last month?",
		"Please call me when you get a chance.", "Please make sure {who} gets {obj} before {day}.",
		"Write back when you can.", "Tell {who} I said thanks.", "Give me a call if anything changes.",
		"Send me {obj} when you get a chance.", "Draft a reply to {who} and I will sign it.",
		"Translate the attached contract into {lang} for {who} by {day}.", "Explain to {who} why the delivery is late.",
		"Create a ticket for the broken printer on the third floor.", "Update {obj} with the new numbers.",
		"Which version of {obj} should I use?", "What's the best number to reach you?", "How much do we still owe {who}?",
		"Also, {who} asked whether {obj} is final.", "Now that the audit is done, can we close {obj}?",
		"Next, we need {who} to approve {obj}.", "Finally, please submit {obj} in the portal.",
		"Could you describe the issue in more detail?", "Can you list the items that arrived damaged?",
		"Provide your order number so we can look into it.", "Share {obj} in the team folder, please.",
		"Help me find {obj}, I can't see it in the shared drive.", "Show {who} how to use the new expense tool.",
		"I need {obj} before the board meeting.", "I would like to cancel my subscription.", "I'd like to book a table for four on {day}.",
		"What do you think about the new design?", "How are you doing?", "How's the project going?",
		"Did {who} get back to you about {obj}?", "Does {day} still work for the handover?",
		"Suggest a time that works for you and {who}.", "Recommend a contractor if you know a good one.",
		"Plan for the office to be closed on {day}.", "Make sure {obj} includes the VAT number.",
		"Compare the two quotes and tell me which one you prefer.", "Summarize the call for {who} when you have time.",
		"When is the next payment due?", "Where can I find {obj}?", "Is it possible to get {obj} in PDF?",
		"Would you be able to join the call on {day}?", "Who should I contact about {obj}?",
	}
)

// Documentation imperatives and action items: sentences that read like
// tasks but are about the document's own objects.
var (
	docNouns = []string{"client", "parser", "stream", "buffer", "token", "index", "namespace", "request", "session",
		"config file", "logger", "schema", "table", "report", "webhook", "cache", "user record", "invoice", "project",
		"branch", "release", "dashboard", "workspace", "channel", "template", "build", "migration", "widget"}
	docTemplates = []string{
		"Create a new {dn} from the {dn2}.", "Convert a {dn} into a {dn2}.", "Generate a {dn} for each {dn2}.",
		"List all {dn}s in the current {dn2}.", "Returns the {dn} for the given {dn2}.", "Build the {dn} before running the tests.",
		"Make sure the {dn} is closed after use.", "Write the {dn} to disk when the {dn2} ends.", "Show the {dn} in the sidebar.",
		"Provide a {dn} if you want to override the default {dn2}.", "Define the {dn} in your {dn2}.",
		"Explain the {dn} changes in the pull request description.", "Describe the {dn} in the ticket so QA can reproduce it.",
		"Develop a plan to address the risks identified in the {dn} review.", "Evaluate each {dn} against the agreed criteria.",
		"Prepare the {dn} for the quarterly review.", "Plan the {dn} rollout with the operations team.",
		"Review the {dn} and flag anything unusual.", "Identify the owner of each open {dn}.", "Summarize the {dn} results for the team.",
		"Compare the {dn} with last month's numbers.", "Calculate the totals for each {dn} in the sheet.",
		"Find the {dn} in the settings page.", "Translate the {dn} labels before the launch.", "Share the {dn} with the new hires.",
		"Help us improve the {dn} by filing issues.", "Suggest changes to the {dn} in the comments.",
		"What happens when the {dn} is full?", "How does the {dn} handle retries?", "When the {dn} is ready, the {dn2} emits an event.",
		"Why does the {dn} fail on Windows?", "Which {dn} should I use for production?", "Where is the {dn} stored?",
		"Is there a way to disable the {dn}?", "Does the {dn} support streaming?", "Can I use the {dn} with the {dn2}?",
		"Also accepts an optional {dn}.", "Now the {dn} is ready to use.", "Then restart the {dn}.", "Next, configure the {dn}.",
		"Finally, deploy the {dn}.", "Note that the {dn} is cached.", "Please open an issue if the {dn} breaks.",
	}
)

// SynthDocSentences returns n documentation and action-item sentences:
// more hard negatives for the task classifier.
func SynthDocSentences(r *rand.Rand, n int) []string {
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		t := pick(r, docTemplates)
		for strings.Contains(t, "{dn2}") {
			t = strings.Replace(t, "{dn2}", pick(r, docNouns), 1)
		}
		for strings.Contains(t, "{dn}") {
			t = strings.Replace(t, "{dn}", pick(r, docNouns), 1)
		}
		out = append(out, t)
	}
	return out
}

// SynthHumanRequests returns n requests and questions addressed to people
// in e-mails, tickets and chats: the task classifier's hard negatives.
func SynthHumanRequests(r *rand.Rand, n int) []string {
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		t := pick(r, humanTemplates)
		for _, k := range []struct {
			slot string
			list []string
		}{{"{obj}", humanObjects}, {"{who}", humanPeople}, {"{day}", humanDays}, {"{place}", taskPlaces}, {"{lang}", taskLangs}} {
			for strings.Contains(t, k.slot) {
				t = strings.Replace(t, k.slot, pick(r, k.list), 1)
			}
		}
		out = append(out, t)
	}
	return out
}
