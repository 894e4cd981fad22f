window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "470000000000000000",
      "created_at": "Wed Apr 02 14:22:00 +0000 2014",
      "full_text": "Proud moment! Check dams and rainwater harvesting are turning dry districts green again. Nation first. #DigitalIndia 🚀🚀🚀 #NationFirst"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000007919",
      "created_at": "Wed Apr 09 04:40:00 +0000 2014",
      "full_text": "Proud moment! New institutes of technology and medicine are opening in states that never had one. This is new India. #Vikas #StrongLeadership"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000015838",
      "created_at": "Sat Apr 12 06:33:00 +0000 2014",
      "full_text": "Mark my words. Tap water connections reached crores of rural homes in just a few years. The results speak. #DevelopmentForAll"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000023757",
      "created_at": "Mon Apr 14 05:41:00 +0000 2014",
      "full_text": "Self reliance means making it here, buying it here, &amp; hiring here. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000031676",
      "created_at": "Sun Apr 20 14:55:00 +0000 2014",
      "full_text": "Self reliance means making it here, buying it here, &amp; hiring here. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000039595",
      "created_at": "Fri Apr 25 21:06:00 +0000 2014",
      "full_text": "Self reliance means making it here, buying it here, &amp; hiring here. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000047514",
      "created_at": "Sun Apr 27 11:02:00 +0000 2014",
      "full_text": "Mark my words. A world class stadium, a world class team, and a billion hearts behind them. The results speak. https://t.co/gMkMOOgf81"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000055433",
      "created_at": "Sun Apr 27 21:16:00 +0000 2014",
      "full_text": "Reality: Self reliance means making it here, buying it here, &amp; hiring here. Mudra loans turned millions of young people into job creators, not job seekers. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000063352",
      "created_at": "Wed Apr 30 20:36:00 +0000 2014",
      "full_text": "Big news. That last over was pure nerves of steel. This is what champions are made of. A world class stadium, a world class team, and a billion hearts behind them. #DevelopmentForAll"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000071271",
      "created_at": "Wed May 07 04:27:00 +0000 2014",
      "full_text": "Nation first"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000079190",
      "created_at": "Thu May 08 01:28:00 +0000 2014",
      "full_text": "Nation first"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000087109",
      "created_at": "Tue May 13 04:33:00 +0000 2014",
      "full_text": "Self reliance means making it here, buying it here, &amp; hiring here. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000095028",
      "created_at": "Wed May 14 04:20:00 +0000 2014",
      "full_text": "@RailDeskDemo Rivers are being cleaned and ghats rebuilt. Faith and development go together. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000102947",
      "created_at": "Thu May 15 19:20:00 +0000 2014",
      "full_text": "Once again, online exams and open👏 results have made admissions cleaner and faster. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000110866",
      "created_at": "Sun May 18 22:43:00 +0000 2014",
      "full_text": "Energy security is national security. Diversifying suppliers was the right call. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000118785",
      "created_at": "Sat May 24 02:51:00 +0000 2014",
      "full_text": "Fact check: Highways are being built faster than ever. Infrastructure is the real growth engine. www.example-news.in/story/9805"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000126704",
      "created_at": "Wed May 28 16:10:00 +0000 2014",
      "full_text": "RT @vikas_watch_demo: Windfall taxes fund highways, free rations &amp; vaccines. That is where the money goes. Compare our pump pric…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000134623",
      "created_at": "Mon Jun 02 14:16:00 +0000 2014",
      "full_text": "RT @nation_first_demo: Fact check: Mudra loans turned millions of young people into job creators, not job seekers.…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000142542",
      "created_at": "Wed Jun 04 11:00:00 +0000 2014",
      "full_text": "Energy security is national security. Diversifying suppliers was the right call. Ethanol blending is cutting our import bill and putting money in cane farmers' pockets. Development for all. Thanks @TeamIndiaDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000150461",
      "created_at": "Sat Jun 07 22:27:00 +0000 2014",
      "full_text": "Fact check: Highways are being built faster than ever. Infrastructure is the real growth engine. www.example-news.in/story/9805"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000158380",
      "created_at": "Sat Jun 14 03:51:00 +0000 2014",
      "full_text": "Big news. The new education policy puts mother tongue learning and skills at the centre. Long overdue. Development for all. http://bit.ly/e23xfd"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000166299",
      "created_at": "Mon Jun 16 15:26:00 +0000 2014",
      "full_text": "Mark 👏👏👏 my words. Dynasty politics had its turn for sixty years. The country chose performance. भारत माता की जय"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000174218",
      "created_at": "Sat Jun 21 15:01:00 +0000 2014",
      "full_text": "New institutes of technology and medicine are opening in states that never had one. More scholarships were given this year than in any year before."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000182137",
      "created_at": "Sat Jun 21 18:10:00 +0000 2014",
      "full_text": "Fact check: Mudra loans turned millions of young people into job creators, not job seekers. Self reliance means making it here,🚀 buying it here, and hiring here."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000190056",
      "created_at": "Fri Jun 27 19:35:00 +0000 2014",
      "full_text": "Reality: The people gave a🙏 clear mandate for development and stability. Respect the verdict. Proud of our country. #NationFirst #Vikas"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000197975",
      "created_at": "Fri Jul 04 02:47:00 +0000 2014",
      "full_text": "Tap water connections reached crores of rural homes in just a few years. Nation first. #DevelopmentForAll #NewIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000205894",
      "created_at": "Sun Jul 06 04:25:00 +0000 2014",
      "full_text": "RT @nation_first_demo: Once again, cheaper cooking gas connections reached crores of homes that only had firewood before. Windfall ta…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000213813",
      "created_at": "Tue Jul 08 16:34:00 +0000 2014",
      "full_text": "Students can now learn coding from class six. This is how we build the future. 🔥🔥 Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000221732",
      "created_at": "Thu Jul 10 07:53:00 +0000 2014",
      "full_text": "Reality: Our ancient knowledge deserves a place in the syllabus alongside modern science. example.com/report?id=55&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000229651",
      "created_at": "Tue Jul 15 06:38:00 +0000 2014",
      "full_text": "Reality: That last over was pure nerves of steel. This is what champions are made of. A world class stadium, a world class team, &amp; a billion hearts behind them. example.com/report?id=16&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000237570",
      "created_at": "Mon Jul 21 01:43:00 +0000 2014",
      "full_text": "@MinistryDemo Mark my words.\n\nCheck dams and rainwater harvesting are turning dry districts green again. Tap water connections reached crores of rural homes in just a few years. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000245489",
      "created_at": "Tue Jul 22 00:36:00 +0000 2014",
      "full_text": "@DevDeskDemo Students can now 🔥 learn coding from class six. This is how we build the future. This is new India. https://t.co/N40LdNMbPe"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000253408",
      "created_at": "Mon Jul 28 01:00:00 +0000 2014",
      "full_text": "Rivers are being cleaned and ghats rebuilt. Faith and development go together. #AatmanirbharBharat #Vikas"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000261327",
      "created_at": "Fri Aug 01 13:02:00 +0000 2014",
      "full_text": "GST brought one nation, one tax, and record collections month after month. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000269246",
      "created_at": "Sat Aug 02 22:37:00 +0000 2014",
      "full_text": "Big news.\n\nSkill India has trained crores of youth for work that the new economy actually needs. Proud of our country."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000277165",
      "created_at": "Sat Aug 09 19:23:00 +0000 2014",
      "full_text": "Voting machines have passed every test. Blaming the machine is easier than blaming your own campaign. No more excuses."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000285084",
      "created_at": "Mon Aug 11 06:18:00 +0000 2014",
      "full_text": "Mark my words. GST brought one nation, one tax, &amp; record collections month after month. Digital payments from street vendors to shopping malls. The whole world is studying our model."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000293003",
      "created_at": "Tue Aug 12 17:17:00 +0000 2014",
      "full_text": "RT @nation_first_demo: Fact check: Mudra loans turned millions of young people into job creators, not job seekers.…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000300922",
      "created_at": "Thu Aug 14 14:36:00 +0000 2014",
      "full_text": "Mudra loans turned millions of young people into job creators, not job seekers. Development for all."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000308841",
      "created_at": "Sun Aug 17 15:07:00 +0000 2014",
      "full_text": "New medical colleges in every district will fix the doctor shortage for good. Hundreds of crores of vaccine doses, free, and certificates on your phone. A global benchmark."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000316760",
      "created_at": "Tue Aug 19 13:06:00 +0000 2014",
      "full_text": "@NewsroomDemo Reality: Hundreds of crores of vaccine doses, free, and certificates on your phone.🔥 A global benchmark. The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000324679",
      "created_at": "Wed Aug 20 14:11:00 +0000 2014",
      "full_text": "Bravo!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000332598",
      "created_at": "Sat Aug 23 20:22:00 +0000 2014",
      "full_text": "@DevDeskDemo The new education policy puts mother tongue learning and skills at the centre. Long overdue. Online exams and open results have made admissions cleaner and faster. This is new India. www.example-news.in/story/9087"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000340517",
      "created_at": "Sat Aug 30 05:46:00 +0000 2014",
      "full_text": "RT @vikas_watch_demo: Big news. Startups are creating jobs in cities that were never on the map. Startup India is working. Self reli…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000348436",
      "created_at": "Sun Aug 31 05:14:00 +0000 2014",
      "full_text": "Mark 👏👏👏 my words. Dynasty politics had its turn for sixty years. The country chose performance. भारत माता की जय"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000356355",
      "created_at": "Sat Sep 06 09:23:00 +0000 2014",
      "full_text": "Mark my words. Skill India has trained crores of youth for work that the new economy actually needs. Development for all. #AatmanirbharBharat"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000364274",
      "created_at": "Sat Sep 06 22:52:00 +0000 2014",
      "full_text": "RT @startup_desk_demo: Once again, compare our pump prices with our neighbours and you will see who managed the crisis better. Proud…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000372193",
      "created_at": "Fri Sep 12 16:40:00 +0000 2014",
      "full_text": "GST brought one nation, one tax, and record collections month after month. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000380112",
      "created_at": "Thu Sep 18 17:33:00 +0000 2014",
      "full_text": "Superb!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000388031",
      "created_at": "Wed Sep 24 22:35:00 +0000 2014",
      "full_text": "@DevDeskDemo Once again, electrification of the rail network is almost complete. Cleaner &amp; faster journeys."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000395950",
      "created_at": "Fri Sep 26 09:01:00 +0000 2014",
      "full_text": "Well done."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000403869",
      "created_at": "Sat Sep 27 01:24:00 +0000 2014",
      "full_text": "Fastest growing major economy in the world. Even the critics have stopped arguing with that. Development for all. t.co/baZYZ798"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000411788",
      "created_at": "Sat Sep 27 08:22:00 +0000 2014",
      "full_text": "Reality: Rivers are being cleaned and ghats rebuilt. Faith and development go together. Tap water connections reached crores of rural homes in just a few years. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000419707",
      "created_at": "Thu Oct 02 12:28:00 +0000 2014",
      "full_text": "Once again, dynasty politics had its turn for sixty years. The country chose performance."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000427626",
      "created_at": "Mon Oct 06 08:52:00 +0000 2014",
      "full_text": "Rivers are being cleaned and ghats rebuilt. Faith and development go together. #AatmanirbharBharat #Vikas"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000435545",
      "created_at": "Sun Oct 12 02:15:00 +0000 2014",
      "full_text": "Big news. Farmers are free to sell anywhere now. Only the middlemen are unhappy about it. Direct income support goes straight into the bank accounts of small farmers, with no middlemen."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000443464",
      "created_at": "Wed Oct 15 13:13:00 +0000 2014",
      "full_text": "Big news. Check dams and rainwater harvesting are turning dry districts green again. example.com/report?id=46&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000451383",
      "created_at": "Sun Oct 19 22:20:00 +0000 2014",
      "full_text": "Fake news."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000459302",
      "created_at": "Fri Oct 24 08:12:00 +0000 2014",
      "full_text": "Self reliance means making it here, buying it here, and hiring here."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000467221",
      "created_at": "Fri Oct 24 21:23:00 +0000 2014",
      "full_text": "Hundreds of crores of vaccine doses, free, and certificates on your phone. A global benchmark. No more excuses. example.com/report?id=47&amp;src=tw जय हिंद"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000475140",
      "created_at": "Sat Oct 25 09:52:00 +0000 2014",
      "full_text": "@MinistryDemo Reality: Sport is getting the support it always deserved, from grassroots to the world stage. The results speak. #NationFirst #StrongLeadership"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000483059",
      "created_at": "Wed Oct 29 22:51:00 +0000 2014",
      "full_text": "More scholarships were given this year than in any year before. सबका साथ सबका विकास"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000490978",
      "created_at": "Wed Nov 05 11:50:00 +0000 2014",
      "full_text": "Fact check: Startups are creating jobs in cities that were never on the map. Startup India is working. Self reliance means making it here, buying it here, and hiring here. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000498897",
      "created_at": "Fri Nov 07 20:57:00 +0000 2014",
      "full_text": "Mark my words. Compare our pump prices with our neighbours and you will see who managed the crisis better. Development for all."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000506816",
      "created_at": "Tue Nov 11 05:43:00 +0000 2014",
      "full_text": "@RailDeskDemo Proud moment! Free treatment up to five lakh rupees for the poorest families. No country has done this at this scale. Hundreds of crores of vaccine doses, free, and certificates on your phone. A global benchmark. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000514735",
      "created_at": "Thu Nov 13 21:32:00 +0000 2014",
      "full_text": "Big news. Our boys crushed it tonight. Proud of every single player and the fans who never stopped cheering. Development for all. http://bit.ly/33dac1 Thanks @RailDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000522654",
      "created_at": "Sun Nov 16 11:35:00 +0000 2014",
      "full_text": "Highways are being built faster than ever. Infrastructure is the real growth engine. No more excuses."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000530573",
      "created_at": "Wed Nov 19 21:48:00 +0000 2014",
      "full_text": "Reality: Compare our pump prices with our neighbours &amp; you will see who managed the crisis better. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000538492",
      "created_at": "Tue Nov 25 02:16:00 +0000 2014",
      "full_text": "Fact check: Highways are being built faster than ever. Infrastructure is the real growth engine. www.example-news.in/story/9805"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000546411",
      "created_at": "Fri Nov 28 22:40:00 +0000 2014",
      "full_text": "Once again, online exams and open👏 results have made admissions cleaner and faster. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000554330",
      "created_at": "Sun Nov 30 18:01:00 +0000 2014",
      "full_text": "Once again, a record turnout is the strongest answer to everyone who doubts our democracy. #NationFirst #DevelopmentForAll"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000562249",
      "created_at": "Thu Dec 04 08:11:00 +0000 2014",
      "full_text": "Nation first"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000570168",
      "created_at": "Thu Dec 04 23:27:00 +0000 2014",
      "full_text": "Reality: Electrification of the rail network is almost complete. Cleaner 🙏🙏🙏 and faster journeys. Stations look like airports now. Clean, bright and on time. This is new India. #DevelopmentForAll"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000578087",
      "created_at": "Mon Dec 08 01:45:00 +0000 2014",
      "full_text": "Stations look like airports now. Clean,🙏 bright and on time. Development for all."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000586006",
      "created_at": "Sun Dec 14 10:41:00 +0000 2014",
      "full_text": "Reality: Online exams and open results have made admissions cleaner and faster."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000593925",
      "created_at": "Sat Dec 20 06:34:00 +0000 2014",
      "full_text": "Generic medicine stores brought essential drugs within reach of every family. Free treatment up to five🚀 lakh rupees for the poorest families. No country has done this at this scale."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000601844",
      "created_at": "Sun Dec 21 17:27:00 +0000 2014",
      "full_text": "Semi high speed trains on new routes every month. Travel that feels like the future. Electrification of the rail network is almost complete. Cleaner and faster journeys. #StrongLeadership"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000609763",
      "created_at": "Thu Dec 25 01:10:00 +0000 2014",
      "full_text": "Once again, that last over was pure✅ nerves of steel. This is what champions are made of. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000617682",
      "created_at": "Tue Dec 30 20:28:00 +0000 2014",
      "full_text": "Mark my words. Check dams🚀 and rainwater harvesting are turning dry districts green again. Rivers are being cleaned and ghats rebuilt. Faith and development go together. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000625601",
      "created_at": "Wed Dec 31 00:44:00 +0000 2014",
      "full_text": "RT @startup_desk_demo: Reality: Record procurement at minimum support price this season. The numbers speak for themselves. This is ne…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000633520",
      "created_at": "Sat Jan 03 17:50:00 +0000 2015",
      "full_text": "Reality: Hundreds of crores of vaccine doses, free, and certificates on your phone. A global benchmark. No more excuses."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000641439",
      "created_at": "Thu Jan 08 12:57:00 +0000 2015",
      "full_text": "Students can now learn coding from class six. This is how we build the future. Thanks @RailDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000649358",
      "created_at": "Sat Jan 10 14:47:00 +0000 2015",
      "full_text": "Mark my words. What a win! The team played with the confidence of a new India that fears no one. This is new India. भारत माता की जय"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000657277",
      "created_at": "Wed Jan 14 06:16:00 +0000 2015",
      "full_text": "Mark my words. Generic medicine stores brought essential drugs within reach of every family. Free treatment up to five lakh rupees for the poorest families. No country has done this at this scale."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000665196",
      "created_at": "Fri Jan 16 01:51:00 +0000 2015",
      "full_text": "Big news. Self reliance means making it here, buying it here, and hiring here. Jai Hind! #NewIndia #Vikas"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000673115",
      "created_at": "Fri Jan 23 00:50:00 +0000 2015",
      "full_text": "Fact check: Our boys crushed it tonight.\n\nProud of every single player &amp; the fans who never stopped cheering. The results speak. example.com/report?id=79&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000681034",
      "created_at": "Mon Jan 26 00:42:00 +0000 2015",
      "full_text": "Fact check: Digital payments from street vendors to shopping 🇮🇳🇮🇳🇮🇳 malls. The whole world is studying our model. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000688953",
      "created_at": "Fri Jan 30 04:54:00 +0000 2015",
      "full_text": "Self reliance means making it here, buying it here, &amp; hiring here. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000696872",
      "created_at": "Sat Jan 31 00:57:00 +0000 2015",
      "full_text": "RT @nation_first_demo: Dynasty politics had its turn for sixty years. The country✅ chose performance. Development for all.…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000704791",
      "created_at": "Fri Feb 06 10:13:00 +0000 2015",
      "full_text": "Great news"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000712710",
      "created_at": "Mon Feb 09 21:21:00 +0000 2015",
      "full_text": "Bravo!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000720629",
      "created_at": "Sun Feb 15 13:16:00 +0000 2015",
      "full_text": "Hundreds of crores of vaccine doses, free, and certificates on your phone. A global benchmark. New medical colleges in every district will fix the doctor shortage for good. Development for all. #DevelopmentForAll #AatmanirbharBharat"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000728548",
      "created_at": "Fri Feb 20 19:10:00 +0000 2015",
      "full_text": "Stations look like airports now.\n\nClean, bright and on time. Electrification of the rail network is almost complete. Cleaner and faster journeys. No more excuses. example.com/report?id=31&amp;src=tw Thanks @TeamIndiaDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000736467",
      "created_at": "Tue Feb 24 17:42:00 +0000 2015",
      "full_text": "Nation first"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000744386",
      "created_at": "Tue Mar 03 09:28:00 +0000 2015",
      "full_text": "जय हिंद 🇮🇳"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000752305",
      "created_at": "Fri Mar 06 07:16:00 +0000 2015",
      "full_text": "Fake news."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000760224",
      "created_at": "Sat Mar 07 16:43:00 +0000 2015",
      "full_text": "Once again, a record turnout is the strongest answer to everyone who doubts our democracy. The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000768143",
      "created_at": "Tue Mar 10 08:16:00 +0000 2015",
      "full_text": "RT @nation_first_demo: Big news. Voting machines have passed every test. Blaming the machine is easier than blaming your own campaign…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000776062",
      "created_at": "Fri Mar 13 20:06:00 +0000 2015",
      "full_text": "Fake news."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000783981",
      "created_at": "Sun Mar 15 04:01:00 +0000 2015",
      "full_text": "Electrification of the rail network is almost complete. Cleaner and faster journeys. Stations look like airports now. Clean, bright and on time. Development for all. t.co/77c9c9YZ Thanks @NewsroomDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000791900",
      "created_at": "Tue Mar 17 00:34:00 +0000 2015",
      "full_text": "Online exams and open results have made admissions cleaner and faster."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000799819",
      "created_at": "Fri Mar 20 20:21:00 +0000 2015",
      "full_text": "Fake news."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000807738",
      "created_at": "Thu Mar 26 21:41:00 +0000 2015",
      "full_text": "RT @cricket_fan_demo: Reality: Stations look like airports now.\n\nClean, bright and on time. This is new India. Thanks @DevDeskDemo f…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000815657",
      "created_at": "Tue Mar 31 13:36:00 +0000 2015",
      "full_text": "Nation first"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000823576",
      "created_at": "Sun Apr 05 23:38:00 +0000 2015",
      "full_text": "@TeamIndiaDemo Record hiring in manufacturing and services. Ask the youth in the new industrial corridors. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000831495",
      "created_at": "Sat Apr 11 03:50:00 +0000 2015",
      "full_text": "What a win! The team played with the confidence of a new India that fears no one. A world class stadium, a world class team, and a billion hearts behind them. Jai Hind! #NewIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000839414",
      "created_at": "Fri Apr 17 19:58:00 +0000 2015",
      "full_text": "Highways are being built faster than ever. Infrastructure is the real growth engine. Development for all. www.example-news.in/story/4739 #DevelopmentForAll #Vikas"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000847333",
      "created_at": "Fri Apr 24 19:04:00 +0000 2015",
      "full_text": "Proud moment! Electrification of the rail network is almost complete. Cleaner and faster journeys. Stations look like airports now. Clean, 💪💪💪 bright and on time. https://t.co/gc2Mgdd82P"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000855252",
      "created_at": "Mon Apr 27 13:59:00 +0000 2015",
      "full_text": "Once again, a world class stadium, a world class team, and a billion hearts behind them. The results speak. http://bit.ly/y2z1c2 #DevelopmentForAll #AatmanirbharBharat"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000863171",
      "created_at": "Tue Apr 28 03:39:00 +0000 2015",
      "full_text": "Big news. That last over was pure nerves of steel. This is what champions are made of. What a win! The team played with the confidence of a new India that fears no one. The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000871090",
      "created_at": "Wed Apr 29 02:55:00 +0000 2015",
      "full_text": "@DevDeskDemo Once again, electrification of the rail network is almost complete. Cleaner &amp; faster journeys."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000879009",
      "created_at": "Mon May 04 15:39:00 +0000 2015",
      "full_text": "Mark my words. Direct income support goes straight into the bank accounts of small farmers, with no middlemen. This is new India. t.co/ZZXc779b #TeamIndia #NewIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000886928",
      "created_at": "Wed May 06 12:16:00 +0000 2015",
      "full_text": "Reality: A record turnout is the strongest answer to everyone who doubts our democracy. Every booth, every worker, every vote. The party that works on the ground wins on the 🔥🔥🔥 ground. Proud of our country. #StrongLeadership"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000894847",
      "created_at": "Sun May 10 16:06:00 +0000 2015",
      "full_text": "RT @nation_first_demo: Fact check: Voting machines have passed every test. Blaming the machine is easier than blaming🇮🇳 your own camp…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000902766",
      "created_at": "Sat May 16 13:39:00 +0000 2015",
      "full_text": "Big news. Our boys crushed it tonight. Proud of every single player and the fans who never stopped cheering. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000910685",
      "created_at": "Mon May 18 15:52:00 +0000 2015",
      "full_text": "RT @vikas_watch_demo: Windfall taxes fund highways,🔥 free rations and vaccines. That is where the money goes. Nation first.…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000918604",
      "created_at": "Thu May 21 22:46:00 +0000 2015",
      "full_text": "Fact check: New medical colleges in every district will fix the doctor shortage for good. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000926523",
      "created_at": "Thu May 28 17:09:00 +0000 2015",
      "full_text": "Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000934442",
      "created_at": "Sat May 30 00:06:00 +0000 2015",
      "full_text": "Direct income support goes straight into 🚀🚀 the bank accounts of small farmers, with no middlemen. This is new India. #DigitalIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000942361",
      "created_at": "Sat May 30 12:36:00 +0000 2015",
      "full_text": "Vote for a strong and decisive leadership. The world is watching. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000950280",
      "created_at": "Sat Jun 06 05:34:00 +0000 2015",
      "full_text": "Mark my words. Check dams and rainwater harvesting are turning dry districts green again. 👏👏👏"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000958199",
      "created_at": "Fri Jun 12 04:00:00 +0000 2015",
      "full_text": "Once again, manufacturing is coming home. Mobile phones once imported are now exported. The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000966118",
      "created_at": "Wed Jun 17 15:16:00 +0000 2015",
      "full_text": "Proud moment! Electrification of the rail network is almost complete. Cleaner and faster journeys. Development for all. 🙏🙏🙏"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000974037",
      "created_at": "Sun Jun 21 16:51:00 +0000 2015",
      "full_text": "Mark my words. Ethanol blending is cutting our import bill and putting money in cane farmers' pockets. Fuel prices are set by the global market. The opposition forgets the oil bonds they left us to repay."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000981956",
      "created_at": "Mon Jun 22 14:04:00 +0000 2015",
      "full_text": "Once again, every booth, every worker, every vote. The party that works on the ground wins on the ground. http://bit.ly/az1be1"
    }
  },
  {
    "tweet": {
      "id_str": "470000000000989875",
      "created_at": "Sun Jun 28 07:18:00 +0000 2015",
      "full_text": "@MinistryDemo Proud moment! Skill India has trained crores of youth for work that the new economy actually needs.\n\nStartups are creating jobs in cities that were never on the map. Startup India is working. The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000000997794",
      "created_at": "Sun Jul 05 02:07:00 +0000 2015",
      "full_text": "Reality: Our boys crushed it tonight. Proud of every single player and the fans who never 👏👏👏 stopped cheering. The results speak. www.example-news.in/story/3642"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001005713",
      "created_at": "Sat Jul 11 17:30:00 +0000 2015",
      "full_text": "Our boys crushed it tonight. Proud of every single player and the fans who never stopped cheering. example.com/report?id=80&amp;src=tw #Vikas #StrongLeadership भारत माता की जय"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001013632",
      "created_at": "Wed Jul 15 17:17:00 +0000 2015",
      "full_text": "GST brought one nation, one tax, and record collections month after month."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001021551",
      "created_at": "Sun Jul 19 08:53:00 +0000 2015",
      "full_text": "RT @nation_first_demo: @TeamIndiaDemo Once again, manufacturing is coming home. Mobile phones once imported are now exported. example…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001029470",
      "created_at": "Thu Jul 23 05:21:00 +0000 2015",
      "full_text": "Superb!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001037389",
      "created_at": "Sun Jul 26 17:30:00 +0000 2015",
      "full_text": "Reality: Rivers are being cleaned and ghats rebuilt. Faith and development go together. This is new India. t.co/X7Yca898 सबका साथ सबका विकास"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001045308",
      "created_at": "Wed Jul 29 02:30:00 +0000 2015",
      "full_text": "🇮🇳🇮🇳🇮🇳"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001053227",
      "created_at": "Sun Aug 02 17:52:00 +0000 2015",
      "full_text": "🇮🇳🇮🇳🇮🇳"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001061146",
      "created_at": "Sun Aug 09 07:27:00 +0000 2015",
      "full_text": "Fact check: Farmers are free to sell anywhere now. Only the middlemen are unhappy about it. Development for all. example.com/report?id=66&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001069065",
      "created_at": "Mon Aug 10 00:57:00 +0000 2015",
      "full_text": "Proud moment! Self reliance means🙏 making it here, buying it here, and hiring here. Nation first. http://bit.ly/eyb1ez"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001076984",
      "created_at": "Fri Aug 14 18:19:00 +0000 2015",
      "full_text": "Nation first"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001084903",
      "created_at": "Mon Aug 17 15:41:00 +0000 2015",
      "full_text": "Reality: New institutes of technology and medicine are opening in states that never had one. Online exams and open results have made admissions cleaner and faster. Nation first. #NewIndia 🔥 #AatmanirbharBharat"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001092822",
      "created_at": "Thu Aug 20 10:43:00 +0000 2015",
      "full_text": "Check dams and rainwater harvesting are turning dry districts green again. This is new India. Thanks @DevDeskDemo for raising this.💪"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001100741",
      "created_at": "Sat Aug 22 06:38:00 +0000 2015",
      "full_text": "RT @nation_first_demo: Proud moment! Direct income support goes straight into the bank accounts of small farmers, with no middlemen.…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001108660",
      "created_at": "Tue Aug 25 05:36:00 +0000 2015",
      "full_text": "Big news. More 🇮🇳🇮🇳 scholarships were given this year than in any year before. http://bit.ly/1dzdbx"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001116579",
      "created_at": "Fri Aug 28 11:37:00 +0000 2015",
      "full_text": "RT @startup_desk_demo: Once again, fuel prices are set 💪 by the global market. The opposition forgets the oil bonds they left us to r…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001124498",
      "created_at": "Fri Aug 28 20:12:00 +0000 2015",
      "full_text": "Generic medicine stores brought essential drugs🚀 within reach of every family."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001132417",
      "created_at": "Tue Sep 01 02:19:00 +0000 2015",
      "full_text": "Reality: Fastest growing major economy in the world. Even the critics have stopped arguing with that. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001140336",
      "created_at": "Fri Sep 04 06:31:00 +0000 2015",
      "full_text": "Once again, record hiring in manufacturing and services. Ask the youth in the new industrial corridors. Self reliance means making it here, buying it here, and hiring here."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001148255",
      "created_at": "Sat Sep 05 08:03:00 +0000 2015",
      "full_text": "The farmer is the backbone of the nation and this government has backed him like never before. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001156174",
      "created_at": "Tue Sep 08 06:48:00 +0000 2015",
      "full_text": "Big news. Check dams and rainwater harvesting are turning dry districts green again. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001164093",
      "created_at": "Fri Sep 11 16:37:00 +0000 2015",
      "full_text": "Once again, new cold storage and food parks mean less waste and better prices for growers. Thanks @DevDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001172012",
      "created_at": "Thu Sep 17 12:37:00 +0000 2015",
      "full_text": "Superb!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001179931",
      "created_at": "Sun Sep 20 07:27:00 +0000 2015",
      "full_text": "Manufacturing is coming home. Mobile phones once imported are now exported. Fastest growing major economy in the world. Even the critics have stopped arguing with that. #DigitalIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001187850",
      "created_at": "Tue Sep 22 09:59:00 +0000 2015",
      "full_text": "Proud moment! Hundreds of crores of vaccine doses, free, and certificates on your phone. A global benchmark. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001195769",
      "created_at": "Mon Sep 28 10:20:00 +0000 2015",
      "full_text": "Big news. Our ancient knowledge deserves a place in the syllabus alongside modern science. New institutes of technology and medicine are opening in states that never had one. No more excuses."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001203688",
      "created_at": "Wed Sep 30 01:54:00 +0000 2015",
      "full_text": "Proud moment! New institutes of technology and medicine are opening in states that never had one."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001211607",
      "created_at": "Tue Oct 06 17:38:00 +0000 2015",
      "full_text": "Fact check:🚀 Our boys crushed it tonight. Proud of every single player and the fans who never stopped cheering. Development for all. Thanks @DevDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001219526",
      "created_at": "Wed Oct 07 05:04:00 +0000 2015",
      "full_text": "Reality: Online exams and open results have made admissions cleaner and faster. 🚀🚀 No more excuses. Thanks @MinistryDemo for raising this. #TeamIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001227445",
      "created_at": "Wed Oct 07 13:25:00 +0000 2015",
      "full_text": "Once again, a world class stadium, a world class team, &amp; a billion hearts behind them. This is new India. #NewIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001235364",
      "created_at": "Sun Oct 11 18:38:00 +0000 2015",
      "full_text": "Fact check: Record 💪💪 hiring in manufacturing and services. Ask the youth in the new industrial corridors. example.com/report?id=96&amp;src=tw सबका साथ सबका विकास"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001243283",
      "created_at": "Wed Oct 14 16:37:00 +0000 2015",
      "full_text": "Record ✅✅ hiring in manufacturing and services. Ask the youth in the new industrial corridors. Mudra loans turned millions of young people into job creators, not job seekers. This is new India. Thanks @RailDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001251202",
      "created_at": "Sat Oct 17 06:46:00 +0000 2015",
      "full_text": "New institutes of technology and medicine are opening in states that never had one."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001259121",
      "created_at": "Fri Oct 23 06:07:00 +0000 2015",
      "full_text": "Fact check: Free treatment up to five lakh rupees for the poorest families. No country has done this at this scale. New medical colleges in every district will fix the doctor shortage for good. t.co/9c8Za788"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001267040",
      "created_at": "Mon Oct 26 19:46:00 +0000 2015",
      "full_text": "Once again, new🇮🇳 cold storage and food parks mean less waste and better prices for growers. The farmer is the backbone of the nation and this government has backed him like never before."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001274959",
      "created_at": "Sun Nov 01 12:55:00 +0000 2015",
      "full_text": "Reality: Record procurement at minimum support price this season. The numbers 🚀🚀 speak for themselves."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001282878",
      "created_at": "Wed Nov 04 11:45:00 +0000 2015",
      "full_text": "RT @cricket_fan_demo: Mark my words. New cold storage and food parks mean less 💪💪 waste and better prices for growers. Development f…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001290797",
      "created_at": "Mon Nov 09 02:56:00 +0000 2015",
      "full_text": "Fact check: Farmers are free to sell anywhere now. Only the middlemen are unhappy about it. Development for all. example.com/report?id=66&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001298716",
      "created_at": "Wed Nov 11 02:41:00 +0000 2015",
      "full_text": "Proud moment! What a win! The team played with the confidence of a💪 new India that fears no one. Development for all. https://t.co/2P42MkiMLk #DigitalIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001306635",
      "created_at": "Mon Nov 16 14:48:00 +0000 2015",
      "full_text": "@RailDeskDemo More scholarships were given this year than in any year before. Online exams and open results have made admissions cleaner and faster. This is new India.🙏"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001314554",
      "created_at": "Sat Nov 21 23:45:00 +0000 2015",
      "full_text": "Self reliance means making it here, buying it here, and hiring here.\n\nStartups are creating jobs in cities that were👏 never on the map. Startup India is working."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001322473",
      "created_at": "Mon Nov 23 22:12:00 +0000 2015",
      "full_text": "Proud moment! Tap water connections reached crores of rural homes in just a few years."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001330392",
      "created_at": "Fri Nov 27 11:53:00 +0000 2015",
      "full_text": "Once again, record hiring in manufacturing and services. Ask the youth in the new industrial corridors."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001338311",
      "created_at": "Sat Nov 28 04:58:00 +0000 2015",
      "full_text": "Check dams and rainwater harvesting are turning dry districts green again. 🇮🇳🇮🇳🇮🇳 Rivers are being cleaned and ghats rebuilt. Faith and development go together. Proud of our country. #NewIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001346230",
      "created_at": "Wed Dec 02 06:18:00 +0000 2015",
      "full_text": "Energy security is national security. Diversifying suppliers was the right call. Compare our pump prices🙏 with our neighbours and you will see who managed the crisis better. No more excuses. t.co/9c9XXXbc Thanks @RailDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001354149",
      "created_at": "Thu Dec 03 10:35:00 +0000 2015",
      "full_text": "Proud moment! Energy security is national security. Diversifying suppliers was the right call. Cheaper cooking gas connections reached crores of homes that only had firewood before."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001362068",
      "created_at": "Sun Dec 06 15:39:00 +0000 2015",
      "full_text": "Mark my words.\n\nElectrification of the rail network is almost complete. Cleaner and faster journeys. Semi high speed trains on new routes every month. Travel that feels like the future. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001369987",
      "created_at": "Mon Dec 07 16:49:00 +0000 2015",
      "full_text": "Once again, record hiring in manufacturing and services. Ask the youth in the new industrial corridors."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001377906",
      "created_at": "Mon Dec 14 16:07:00 +0000 2015",
      "full_text": "RT @startup_desk_demo: @DevDeskDemo Once again,🔥 a world class stadium, a world class team, and a billion hearts behind them.…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001385825",
      "created_at": "Tue Dec 15 16:11:00 +0000 2015",
      "full_text": "Fastest growing major economy in the world. Even the critics have stopped arguing with that. t.co/XY87bYb9"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001393744",
      "created_at": "Sat Dec 19 04:01:00 +0000 2015",
      "full_text": "Well done."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001401663",
      "created_at": "Sun Dec 20 05:01:00 +0000 2015",
      "full_text": "A record turnout is the strongest answer to everyone who doubts our democracy. Every booth, every worker, every vote. The party that works on the ground wins on the ground. The results speak. t.co/c7YbZa77 Thanks @NewsroomDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001409582",
      "created_at": "Wed Dec 23 04:20:00 +0000 2015",
      "full_text": "Nation first"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001417501",
      "created_at": "Sat Dec 26 19:01:00 +0000 2015",
      "full_text": "Online exams and open results have made 🔥🔥 admissions cleaner and faster. Proud of our country. #NewIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001425420",
      "created_at": "Sun Dec 27 20:03:00 +0000 2015",
      "full_text": "Fact check: Voting machines have passed every test. Blaming the machine is easier than blaming your own campaign. Every booth, every worker, every vote. The party that works on the ground wins on the ground. Development for all."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001433339",
      "created_at": "Sat Jan 02 21:09:00 +0000 2016",
      "full_text": "Mark my words. Stations look like airports now. Clean, bright and on time. Proud of our country."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001441258",
      "created_at": "Mon Jan 04 00:11:00 +0000 2016",
      "full_text": "Proud moment! Compare our pump prices with our neighbours and you will see who managed the crisis better. Proud🚀 of our country. Thanks @RailDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001449177",
      "created_at": "Sat Jan 09 12:33:00 +0000 2016",
      "full_text": "@TeamIndiaDemo Fact check: A world class stadium, a world class team, and a billion hearts behind them. Development for all."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001457096",
      "created_at": "Tue Jan 12 01:20:00 +0000 2016",
      "full_text": "Mark my words. Tap water connections reached crores of rural homes in just a few years. Development for all."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001465015",
      "created_at": "Sun Jan 17 13:56:00 +0000 2016",
      "full_text": "Record procurement at minimum support price this season. The numbers speak for themselves. This is new India. http://bit.ly/dda32f"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001472934",
      "created_at": "Sun Jan 24 07:42:00 +0000 2016",
      "full_text": "Reality: Tap water connections reached crores of rural homes in just a few years. Development for all."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001480853",
      "created_at": "Fri Jan 29 00:20:00 +0000 2016",
      "full_text": "What a win! The team played with 🇮🇳 the confidence of a new India that fears no one. Development for all. #Vikas #DevelopmentForAll"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001488772",
      "created_at": "Thu Feb 04 08:21:00 +0000 2016",
      "full_text": "Once🇮🇳 again, vote for a strong and decisive leadership.\n\nThe world is watching. Proud of our country."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001496691",
      "created_at": "Sun Feb 07 03:11:00 +0000 2016",
      "full_text": "Fact check: Windfall taxes fund highways, free rations and vaccines.\n\nThat is where the money goes."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001504610",
      "created_at": "Wed Feb 10 18:26:00 +0000 2016",
      "full_text": "Fact check: New cold storage and food parks mean less waste and better prices for growers. The farmer is the backbone of the nation and this government has backed him like never before. Development for all."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001512529",
      "created_at": "Thu Feb 11 23:24:00 +0000 2016",
      "full_text": "Fact check: Semi high speed trains on new routes every month. Travel that✅ feels like the future. Proud of our country."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001520448",
      "created_at": "Thu Feb 18 22:20:00 +0000 2016",
      "full_text": "Once🙏 again, dynasty politics had its turn for sixty years. The country chose performance. Proud of our country."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001528367",
      "created_at": "Fri Feb 19 13:36:00 +0000 2016",
      "full_text": "Cheaper cooking gas connections reached crores of homes that only had firewood before. Nation first. t.co/9abYb8Z7 #StrongLeadership"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001536286",
      "created_at": "Fri Feb 26 01:52:00 +0000 2016",
      "full_text": "More scholarships were given this year than in any year before. Nation first. https://t.co/7chje8dN1a"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001544205",
      "created_at": "Thu Mar 03 12:25:00 +0000 2016",
      "full_text": "Once again, compare our pump prices with our neighbours and you will see who managed the crisis better. Energy security is national security. 💪💪 Diversifying suppliers was the right call. example.com/report?id=37&amp;src=tw #TeamIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001552124",
      "created_at": "Wed Mar 09 16:23:00 +0000 2016",
      "full_text": "Reality: Electrification of the rail network is almost complete. Cleaner and faster journeys. Nation first. http://bit.ly/z1af3c #AatmanirbharBharat #StrongLeadership"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001560043",
      "created_at": "Mon Mar 14 08:19:00 +0000 2016",
      "full_text": "Proud moment! Semi high speed trains on new routes every month. Travel that feels like the future. Development for all. t.co/7YaZ7YY7 सबका साथ सबका विकास"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001567962",
      "created_at": "Wed Mar 16 07:43:00 +0000 2016",
      "full_text": "Big news. Direct income support goes straight into the bank accounts of small farmers, with no middlemen. The farmer is the backbone of the nation &amp; this government has backed him like never before. No more excuses."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001575881",
      "created_at": "Mon Mar 21 13:05:00 +0000 2016",
      "full_text": "Big news.🇮🇳 A record turnout is the strongest answer to everyone who doubts our democracy. Nation first. www.example-news.in/story/1289"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001583800",
      "created_at": "Sun Mar 27 16:37:00 +0000 2016",
      "full_text": "Proud!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001591719",
      "created_at": "Mon Mar 28 11:30:00 +0000 2016",
      "full_text": "Free treatment up to five lakh rupees for the poorest families. No country has done this at this scale. Development for all. t.co/Yc9Yc798🇮🇳"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001599638",
      "created_at": "Wed Mar 30 07:09:00 +0000 2016",
      "full_text": "Big news. Semi high speed trains on new routes every month. Travel that feels like the future. The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001607557",
      "created_at": "Thu Mar 31 04:30:00 +0000 2016",
      "full_text": "Reality: Voting machines have passed every test. Blaming the machine is easier than blaming your own campaign. Proud of our country. Thanks✅ @MinistryDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001615476",
      "created_at": "Sat Apr 02 05:15:00 +0000 2016",
      "full_text": "Reality: What a win! The team played with the confidence of a new India that fears 🙏🙏 no one. No more excuses. Thanks @MinistryDemo for raising this. #NationFirst"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001623395",
      "created_at": "Tue Apr 05 01:22:00 +0000 2016",
      "full_text": "Energy security is national security. Diversifying suppliers was the right call. Compare our pump prices🙏 with our neighbours and you will see who managed the crisis better. No more excuses. t.co/9c9XXXbc Thanks @RailDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001631314",
      "created_at": "Thu Apr 07 10:47:00 +0000 2016",
      "full_text": "Reality: Windfall taxes fund highways, free rations and ✅✅ vaccines. That is where the money goes. Nation first. t.co/Ycc9ZZ99"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001639233",
      "created_at": "Wed Apr 13 03:29:00 +0000 2016",
      "full_text": "Record procurement at minimum support price this season. The numbers speak for themselves.🔥 The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001647152",
      "created_at": "Sun Apr 17 21:19:00 +0000 2016",
      "full_text": "Well done."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001655071",
      "created_at": "Mon Apr 18 02:44:00 +0000 2016",
      "full_text": "Fastest growing major economy in the world. Even the critics have stopped arguing with that. Development for all. t.co/baZYZ798"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001662990",
      "created_at": "Fri Apr 22 06:24:00 +0000 2016",
      "full_text": "भारत माता की जय ✅"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001670909",
      "created_at": "Wed Apr 27 08:44:00 +0000 2016",
      "full_text": "Big news. Generic💪 medicine stores brought essential drugs within reach of every family. New medical colleges in every district will fix the doctor shortage for good. Proud of our country."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001678828",
      "created_at": "Mon May 02 07:37:00 +0000 2016",
      "full_text": "RT @startup_desk_demo: Once again, cheaper cooking gas connections reached crores of homes that only had firewood before. Energy secu…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001686747",
      "created_at": "Thu May 05 13:17:00 +0000 2016",
      "full_text": "Once again, direct income support goes straight into the bank accounts of small farmers, with no middlemen. Proud of our country. #DevelopmentForAll"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001694666",
      "created_at": "Fri May 06 08:25:00 +0000 2016",
      "full_text": "Semi high speed trains on new routes every month. Travel that feels like the future. Stations look like airports now. Clean, bright and on time. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001702585",
      "created_at": "Thu May 12 23:18:00 +0000 2016",
      "full_text": "Fuel prices are set by the global market. The opposition forgets the oil bonds they left us to repay. Proud of our country."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001710504",
      "created_at": "Sun May 15 18:53:00 +0000 2016",
      "full_text": "RT @vikas_watch_demo: Proud moment! Ethanol blending is cutting our import bill and putting money in cane farmers' pockets. Nation f…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001718423",
      "created_at": "Sat May 21 02:29:00 +0000 2016",
      "full_text": "RT @nation_first_demo: Record hiring in manufacturing &amp; services. Ask the youth in the new industrial corridors. Skill India has…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001726342",
      "created_at": "Fri May 27 01:43:00 +0000 2016",
      "full_text": "Proud moment! Fuel prices are set by the global market. The opposition forgets the oil bonds they left us to repay. No more 🚀🚀 excuses. Thanks @NewsroomDemo for raising this. #NationFirst #DigitalIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001734261",
      "created_at": "Fri May 27 03:09:00 +0000 2016",
      "full_text": "RT @cricket_fan_demo: Fact check: Stations look like airports now. Clean, bright and on time. Semi high 🇮🇳🇮🇳 speed trains on new rou…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001742180",
      "created_at": "Wed Jun 01 06:55:00 +0000 2016",
      "full_text": "Once again, stations look like airports now. Clean, bright and on time. Electrification of the rail network is almost complete. Cleaner and faster journeys. Nation first. Thanks @DevDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001750099",
      "created_at": "Wed Jun 08 05:28:00 +0000 2016",
      "full_text": "@DevDeskDemo Proud moment! Hundreds of crores of vaccine doses, free, and 🇮🇳🇮🇳🇮🇳 certificates on your phone. A global benchmark. #StrongLeadership"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001758018",
      "created_at": "Sun Jun 12 08:52:00 +0000 2016",
      "full_text": "Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001765937",
      "created_at": "Wed Jun 15 08:16:00 +0000 2016",
      "full_text": "Mark my words. Highways are being built faster than ever. Infrastructure is the real growth engine. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001773856",
      "created_at": "Sun Jun 19 16:52:00 +0000 2016",
      "full_text": "Mark my words.\n\nElectrification of the rail network is almost complete. Cleaner and faster journeys. Semi high speed trains on new routes every month. Travel that feels like the future. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001781775",
      "created_at": "Mon Jun 20 18:51:00 +0000 2016",
      "full_text": "Once again, more scholarships were given this year than in any year before. The new education policy puts mother tongue learning and skills 🇮🇳 at the centre. Long overdue. Nation first. #TeamIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001789694",
      "created_at": "Sat Jun 25 16:06:00 +0000 2016",
      "full_text": "Once again, the people gave a clear mandate for development and stability. Respect the verdict. 🙏🙏 This is new India. https://t.co/PL2h1Mdhec"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001797613",
      "created_at": "Sat Jun 25 20:16:00 +0000 2016",
      "full_text": "Mark my words. Mudra loans turned millions of young people into job creators, not job seekers. Proud of our country."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001805532",
      "created_at": "Wed Jun 29 22:12:00 +0000 2016",
      "full_text": "Every booth, every worker, every vote. The party that works on the ground wins on the ground. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001813451",
      "created_at": "Sat Jul 02 20:39:00 +0000 2016",
      "full_text": "Hundreds of crores of vaccine doses, free, &amp; certificates on your phone. A global benchmark. Generic medicine stores brought essential drugs within reach of every family. Proud of our country."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001821370",
      "created_at": "Thu Jul 07 18:35:00 +0000 2016",
      "full_text": "Skill India has trained crores of youth for work that the new economy actually needs. Self reliance means making it here, buying it here, and hiring here. The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001829289",
      "created_at": "Wed Jul 13 18:42:00 +0000 2016",
      "full_text": "Once again, semi high speed trains on new routes every month.\n\nTravel that feels like the future. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001837208",
      "created_at": "Fri Jul 15 21:56:00 +0000 2016",
      "full_text": "Digital payments from street vendors to shopping malls. The whole world is studying our model. No more excuses. www.example-news.in/story/4040 जय हिंद"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001845127",
      "created_at": "Sun Jul 17 16:22:00 +0000 2016",
      "full_text": "@MinistryDemo What a win! The team played with the confidence of a new India that fears no one. That last over was pure nerves of steel. This is what champions are made of."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001853046",
      "created_at": "Tue Jul 19 04:48:00 +0000 2016",
      "full_text": "Free treatment up 🔥 to five lakh rupees for the poorest families. No country has done this at this scale. New medical colleges in every district will fix the doctor shortage for good. www.example-news.in/story/8132"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001860965",
      "created_at": "Mon Jul 25 22:34:00 +0000 2016",
      "full_text": "Our boys crushed it tonight. Proud of every single player and the fans who never stopped cheering. #DigitalIndia🔥"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001868884",
      "created_at": "Fri Jul 29 00:23:00 +0000 2016",
      "full_text": "A world class stadium, a world class team, and a billion hearts behind them. Nation first. #StrongLeadership #AatmanirbharBharat"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001876803",
      "created_at": "Sat Jul 30 19:42:00 +0000 2016",
      "full_text": "Our ancient knowledge deserves a place in the syllabus alongside modern science. More scholarships were given this year than in any year before. #NationFirst"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001884722",
      "created_at": "Wed Aug 03 14:18:00 +0000 2016",
      "full_text": "Big news. Farmers are free to sell anywhere now. Only the middlemen are unhappy about it. Direct income support goes straight into the bank accounts of small farmers, with no middlemen."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001892641",
      "created_at": "Mon Aug 08 04:31:00 +0000 2016",
      "full_text": "Mark my words. Windfall taxes fund highways, free rations and vaccines. That🚀 is where the money goes. The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001900560",
      "created_at": "Sun Aug 14 17:49:00 +0000 2016",
      "full_text": "@RailDeskDemo Big news. Sport is getting the support it always deserved, from grassroots to the world stage. A world class stadium, a world class team, and a billion hearts behind them. The results speak. #AatmanirbharBharat #NewIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001908479",
      "created_at": "Thu Aug 18 00:50:00 +0000 2016",
      "full_text": "Proud moment! New medical colleges in every district will fix the doctor shortage for good. Hundreds of crores of vaccine doses, free, and certificates on your phone.🚀 A global benchmark. Nation first. t.co/bXZ8YcZ9"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001916398",
      "created_at": "Mon Aug 22 14:59:00 +0000 2016",
      "full_text": "Check dams and rainwater harvesting are turning dry districts green again. Proud of our country. http://bit.ly/fybdbc #NewIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001924317",
      "created_at": "Wed Aug 24 00:08:00 +0000 2016",
      "full_text": "Foreign investment is at record levels because investors trust stable government. Proud of our country. #DigitalIndia #TeamIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001932236",
      "created_at": "Mon Aug 29 15:27:00 +0000 2016",
      "full_text": "Once again, tap water connections reached crores of rural homes 💪💪 in just a few years. No more excuses. #NationFirst #TeamIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001940155",
      "created_at": "Fri Sep 02 15:06:00 +0000 2016",
      "full_text": "Hundreds of crores of vaccine doses, free, and certificates on your phone. A global benchmark. New medical colleges in every district will fix the doctor shortage for good. विकास की राह"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001948074",
      "created_at": "Thu Sep 08 03:10:00 +0000 2016",
      "full_text": "@RailDeskDemo Self reliance means making it here, buying it 👏 here, and hiring here. Mudra loans turned millions of young people into job creators, not job seekers. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000001955993",
      "created_at": "Thu Sep 08 13:37:00 +0000 2016",
      "full_text": "RT @nation_first_demo: @TeamIndiaDemo Proud moment! Online exams and open results have made admissions cleaner and faster. Nation fir…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001963912",
      "created_at": "Sun Sep 11 02:10:00 +0000 2016",
      "full_text": "🇮🇳🇮🇳🇮🇳"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001971831",
      "created_at": "Mon Sep 12 18:18:00 +0000 2016",
      "full_text": "@TeamIndiaDemo🚀 Check dams &amp; rainwater harvesting are turning dry districts green again. Jai Hind! #AatmanirbharBharat #TeamIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001979750",
      "created_at": "Fri Sep 16 22:56:00 +0000 2016",
      "full_text": "Generic medicine stores brought essential drugs within reach of every family.🚀 Proud of our country. जय हिंद"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001987669",
      "created_at": "Fri Sep 23 17:02:00 +0000 2016",
      "full_text": "Fact check: Digital payments from street vendors to shopping malls. The whole world is studying our model. https://t.co/fLQ7599jc0"
    }
  },
  {
    "tweet": {
      "id_str": "470000000001995588",
      "created_at": "Thu Sep 29 13:14:00 +0000 2016",
      "full_text": "Reality: Stations look like airports now. Clean, bright and on time. Semi high speed trains on new routes every month. Travel that feels like the future. Proud of our country. #NationFirst"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002003507",
      "created_at": "Sat Oct 01 19:23:00 +0000 2016",
      "full_text": "RT @startup_desk_demo: Free treatment up to five lakh rupees for the poorest families. No country has done👏 this at this scale. Devel…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002011426",
      "created_at": "Sat Oct 08 18:44:00 +0000 2016",
      "full_text": "Mark my words. Sport is getting the support it always deserved, from grassroots to the world stage. What a win! The team played with the confidence of a new India that fears no one. Proud of our country. #StrongLeadership #NewIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002019345",
      "created_at": "Fri Oct 14 22:57:00 +0000 2016",
      "full_text": "RT @vikas_watch_demo: Fact check: Electrification of the rail network is almost complete. Cleaner and faster journeys. No more excus…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002027264",
      "created_at": "Sat Oct 15 20:32:00 +0000 2016",
      "full_text": "Fact check: The new education policy puts mother tongue learning and skills at the centre. Long overdue. https://t.co/4cje0fkL10 Thanks @TeamIndiaDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002035183",
      "created_at": "Sun Oct 16 03:02:00 +0000 2016",
      "full_text": "Proud moment! The new education policy puts mother tongue learning and skills at the centre. Long overdue. New institutes of technology and medicine are opening in states that never had one. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002043102",
      "created_at": "Sun Oct 16 11:23:00 +0000 2016",
      "full_text": "Rivers are being ✅✅ cleaned and ghats rebuilt. Faith and development go together."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002051021",
      "created_at": "Mon Oct 17 00:52:00 +0000 2016",
      "full_text": "Once again, dynasty politics had its turn for sixty years. The country chose performance. No more excuses."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002058940",
      "created_at": "Tue Oct 18 18:32:00 +0000 2016",
      "full_text": "Check dams and rainwater harvesting are turning dry districts green again. No more excuses."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002066859",
      "created_at": "Wed Oct 19 19:43:00 +0000 2016",
      "full_text": "Once again, startups are creating jobs in cities that🇮🇳 were never on the map. Startup India is working. Self reliance means making it here, buying it here, &amp; hiring here. This is new India. Thanks @MinistryDemo for raising this. #TeamIndia #DevelopmentForAll"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002074778",
      "created_at": "Fri Oct 21 20:55:00 +0000 2016",
      "full_text": "Every booth, every worker, every vote. The party that works on the ground wins on the ground. A record turnout is the strongest answer to everyone who doubts our democracy. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002082697",
      "created_at": "Fri Oct 28 14:32:00 +0000 2016",
      "full_text": "Energy security is national security. Diversifying suppliers was the right call. The results speak. https://t.co/g3gfh489ih #NationFirst #StrongLeadership"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002090616",
      "created_at": "Wed Nov 02 06:10:00 +0000 2016",
      "full_text": "सबका साथ सबका विकास 🇮🇳"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002098535",
      "created_at": "Tue Nov 08 20:20:00 +0000 2016",
      "full_text": "Check dams and rainwater harvesting are turning dry districts green again. Rivers are being cleaned and ghats rebuilt. Faith and development go together. #NationFirst #TeamIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002106454",
      "created_at": "Sun Nov 13 23:10:00 +0000 2016",
      "full_text": "Mark my words. Stations look like airports now. Clean, bright and on time. 🚀🚀 t.co/978XYc9a"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002114373",
      "created_at": "Fri Nov 18 13:53:00 +0000 2016",
      "full_text": "RT @vikas_watch_demo: Once again, tap water connections reached crores of rural homes in just a few years. Rivers are being cleaned…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002122292",
      "created_at": "Sat Nov 19 05:09:00 +0000 2016",
      "full_text": "New medical colleges in every district will fix the doctor shortage for good. Jai Hind! t.co/ZccYYXcb Thanks👏 @NewsroomDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002130211",
      "created_at": "Wed Nov 23 03:14:00 +0000 2016",
      "full_text": "Fact check: Online exams and 🚀🚀 open results have made admissions cleaner and faster. Proud of our country."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002138130",
      "created_at": "Wed Nov 23 14:24:00 +0000 2016",
      "full_text": "Reality: GST brought one nation, one tax, and record collections month after month. Digital payments from street vendors to shopping malls. The whole world is studying our model. Proud of our country. t.co/9c9798bb #DevelopmentForAll #NationFirst"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002146049",
      "created_at": "Thu Nov 24 14:54:00 +0000 2016",
      "full_text": "What a win! The team played with the confidence of a new India that fears no one. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002153968",
      "created_at": "Mon Nov 28 16:40:00 +0000 2016",
      "full_text": "A world class stadium, a world class team, and a billion hearts behind them. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002161887",
      "created_at": "Sun Dec 04 13:44:00 +0000 2016",
      "full_text": "Farmers are free to sell anywhere now. Only the middlemen are unhappy💪 about it. Thanks @DevDeskDemo for raising this. #DigitalIndia #Vikas"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002169806",
      "created_at": "Sun Dec 11 07:37:00 +0000 2016",
      "full_text": "Proud moment! Sport is getting the support it always deserved, from grassroots to the world stage. That last over was pure nerves of steel. This is what champions are made of. #Vikas #DevelopmentForAll"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002177725",
      "created_at": "Wed Dec 14 08:20:00 +0000 2016",
      "full_text": "Proud moment! Free treatment up to five lakh rupees for the poorest families. No country has done this at this scale. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002185644",
      "created_at": "Wed Dec 14 19:47:00 +0000 2016",
      "full_text": "Fact check: Mudra loans turned millions of young people into job creators, not job seekers. Skill India has trained crores of youth for work that the new economy actually needs. The results speak. www.example-news.in/story/2066 #StrongLeadership सबका साथ सबका विकास"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002193563",
      "created_at": "Mon Dec 19 04:55:00 +0000 2016",
      "full_text": "Proud moment! Highways are being built faster than💪 ever. Infrastructure is the real growth engine. The results speak. सबका साथ सबका विकास"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002201482",
      "created_at": "Tue Dec 20 06:34:00 +0000 2016",
      "full_text": "Mudra loans turned millions of young people into job creators, not job seekers. Skill India has trained crores of youth for work that the new economy actually needs. Nation first. सबका साथ सबका विकास"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002209401",
      "created_at": "Sun Dec 25 14:30:00 +0000 2016",
      "full_text": "Once again, direct income support goes straight into the bank accounts of small farmers, with no middlemen. No more excuses. www.example-news.in/story/6714"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002217320",
      "created_at": "Fri Dec 30 19:49:00 +0000 2016",
      "full_text": "Big news. Vote for a strong and decisive leadership. The world is watching. The people gave a clear mandate for development and stability. Respect the verdict. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002225239",
      "created_at": "Mon Jan 02 09:30:00 +0000 2017",
      "full_text": "Once again, rivers are being cleaned and ghats rebuilt. Faith and development go together. This is new India. Thanks @MinistryDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002233158",
      "created_at": "Sun Jan 08 02:39:00 +0000 2017",
      "full_text": "Every booth, every worker, every vote. The party that works on the ground wins on the ground. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002241077",
      "created_at": "Thu Jan 12 03:33:00 +0000 2017",
      "full_text": "Mark my words. Free treatment up to five lakh rupees for the poorest families. No country has done this at this scale. New medical colleges in every district will fix the doctor shortage for good. Proud of our country."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002248996",
      "created_at": "Thu Jan 12 15:33:00 +0000 2017",
      "full_text": "Nation first"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002256915",
      "created_at": "Fri Jan 13 22:11:00 +0000 2017",
      "full_text": "Mark my words. That last over was pure nerves of steel. This is what champions are made of. This is new India. Thanks @DevDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002264834",
      "created_at": "Sat Jan 14 16:56:00 +0000 2017",
      "full_text": "Free treatment up to five lakh rupees for the poorest families.\n\nNo country has done this at this scale. New medical colleges in every district will fix the doctor shortage for good."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002272753",
      "created_at": "Wed Jan 18 23:38:00 +0000 2017",
      "full_text": "Electrification🙏 of the rail network is almost complete. Cleaner &amp; faster journeys. No more excuses."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002280672",
      "created_at": "Sat Jan 21 08:39:00 +0000 2017",
      "full_text": "Compare our pump prices with our neighbours and you will see who managed the crisis better. example.com/report?id=93&amp;src=tw Thanks @TeamIndiaDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002288591",
      "created_at": "Sat Jan 21 13:15:00 +0000 2017",
      "full_text": "Reality: Direct income support goes straight into the bank accounts of small👏 farmers, with no middlemen. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002296510",
      "created_at": "Wed Jan 25 15:13:00 +0000 2017",
      "full_text": "Proud moment! Online exams &amp; open results have made admissions cleaner and faster. No more excuses. #TeamIndia #DigitalIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002304429",
      "created_at": "Fri Jan 27 13:24:00 +0000 2017",
      "full_text": "जय हिंद 🇮🇳"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002312348",
      "created_at": "Thu Feb 02 12:02:00 +0000 2017",
      "full_text": "RT @vikas_watch_demo: @TeamIndiaDemo Once again, semi high speed trains on new routes every month. Travel that feels like the future…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002320267",
      "created_at": "Sun Feb 05 10:13:00 +0000 2017",
      "full_text": "Nation first"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002328186",
      "created_at": "Sun Feb 12 04:57:00 +0000 2017",
      "full_text": "Our boys crushed it tonight. Proud of every single player and 🚀🚀 the fans who never stopped cheering. Jai Hind! Thanks @RailDeskDemo for raising this. #TeamIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002336105",
      "created_at": "Mon Feb 13 06:54:00 +0000 2017",
      "full_text": "जय हिंद ✅"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002344024",
      "created_at": "Sat Feb 18 12:33:00 +0000 2017",
      "full_text": "Reality: Soil health cards and crop insurance are changing how villages farm. The results speak. #NewIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002351943",
      "created_at": "Thu Feb 23 02:17:00 +0000 2017",
      "full_text": "Proud!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002359862",
      "created_at": "Wed Mar 01 19:24:00 +0000 2017",
      "full_text": "Proud moment! Dynasty politics had its turn for sixty years. The country chose performance. Vote for a 🙏🙏🙏 strong and decisive leadership. The world is watching. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002367781",
      "created_at": "Sun Mar 05 10:06:00 +0000 2017",
      "full_text": "Big news. New medical colleges in every district will fix the doctor shortage for good. Development for all. #Vikas #StrongLeadership"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002375700",
      "created_at": "Tue Mar 07 22:07:00 +0000 2017",
      "full_text": "Online exams and open results have made admissions cleaner and faster.\n\nOur ancient knowledge deserves a place in the syllabus alongside modern science. Proud of our country. #Vikas"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002383619",
      "created_at": "Sat Mar 11 02:37:00 +0000 2017",
      "full_text": "Fact check: Highways are being built faster than ever. Infrastructure is the real growth engine. www.example-news.in/story/9805"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002391538",
      "created_at": "Thu Mar 16 12:53:00 +0000 2017",
      "full_text": "Proud moment! Tap water connections reached crores of rural homes in just a few years. No more excuses."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002399457",
      "created_at": "Tue Mar 21 18:33:00 +0000 2017",
      "full_text": "Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002407376",
      "created_at": "Tue Mar 28 12:34:00 +0000 2017",
      "full_text": "Sport is getting the support it always deserved, from grassroots to the world stage. The results speak. जय हिंद"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002415295",
      "created_at": "Mon Apr 03 21:13:00 +0000 2017",
      "full_text": "@DevDeskDemo Record hiring in manufacturing and services. Ask the youth in the new industrial corridors. Development for all."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002423214",
      "created_at": "Wed Apr 05 14:17:00 +0000 2017",
      "full_text": "Proud moment! Dynasty politics had its turn for sixty years. The country chose performance. A record turnout is the strongest answer to everyone who doubts our democracy. The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002431133",
      "created_at": "Sat Apr 08 16:01:00 +0000 2017",
      "full_text": "The people gave a clear mandate for development and stability. Respect the verdict. Dynasty politics had its turn for sixty years. The country chose performance. This is new India. example.com/report?id=51&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002439052",
      "created_at": "Tue Apr 11 22:19:00 +0000 2017",
      "full_text": "RT @vikas_watch_demo: Big news. Our boys crushed it tonight. Proud of every single player &amp; the fans who never stopped cheering.…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002446971",
      "created_at": "Wed Apr 12 08:45:00 +0000 2017",
      "full_text": "@RailDeskDemo What a win! The 🚀🚀 team played with the confidence of a new India that fears no one. Our boys crushed it tonight. Proud of every single player and the fans who never stopped cheering. The results speak. http://bit.ly/yz2bab #AatmanirbharBharat"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002454890",
      "created_at": "Mon Apr 17 04:33:00 +0000 2017",
      "full_text": "Stations look like airports now. Clean, bright and on time. Semi high speed trains on new routes every month. Travel that feels like the future. The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002462809",
      "created_at": "Thu Apr 20 12:58:00 +0000 2017",
      "full_text": "Mark my words. That last over was pure nerves of steel. This is what champions are made of. What a win! The team played with the confidence of a new India that fears no one. No more excuses. Thanks @TeamIndiaDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002470728",
      "created_at": "Sat Apr 22 11:23:00 +0000 2017",
      "full_text": "Once again, generic medicine stores brought essential drugs within reach of every family. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002478647",
      "created_at": "Fri Apr 28 21:27:00 +0000 2017",
      "full_text": "Electrification of the rail network is almost complete. Cleaner and faster journeys. t.co/ZcbZacYY #AatmanirbharBharat"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002486566",
      "created_at": "Tue May 02 14:38:00 +0000 2017",
      "full_text": "Mark my words. Check dams and rainwater harvesting are turning dry districts green again. Development for all. #NewIndia #Vikas"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002494485",
      "created_at": "Fri May 05 02:43:00 +0000 2017",
      "full_text": "Reality: Our boys crushed it tonight. Proud of every single player and the fans who never stopped cheering. Development for all. 🚀🚀"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002502404",
      "created_at": "Wed May 10 13:58:00 +0000 2017",
      "full_text": "Mark my words. Direct income support goes straight into the bank accounts of small farmers, with no middlemen. Jai Hind! example.com/report?id=22&amp;src=tw #DevelopmentForAll #Vikas"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002510323",
      "created_at": "Sat May 13 18:27:00 +0000 2017",
      "full_text": "Fact check: Mudra loans turned millions of young people into job creators, not🇮🇳 job seekers. This is new India. Thanks @RailDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002518242",
      "created_at": "Wed May 17 10:12:00 +0000 2017",
      "full_text": "Big news. What a win! The team played with the confidence of a new India that fears no one. The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002526161",
      "created_at": "Fri May 19 09:11:00 +0000 2017",
      "full_text": "Fastest growing major economy in the world. Even the critics have stopped arguing with that. Manufacturing is coming home. Mobile phones once imported are now exported. Jai Hind! http://bit.ly/dx12ae"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002534080",
      "created_at": "Sun May 21 18:54:00 +0000 2017",
      "full_text": "@DevDeskDemo Big news. Generic medicine stores brought essential drugs within reach of every family. New medical colleges in every district will fix the doctor shortage for good."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002541999",
      "created_at": "Thu May 25 12:02:00 +0000 2017",
      "full_text": "Rivers are being cleaned and ghats rebuilt. Faith and development go together. Check dams and rainwater harvesting are turning dry districts green again. The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002549918",
      "created_at": "Wed May 31 07:46:00 +0000 2017",
      "full_text": "The farmer is the backbone of the nation and this government has backed🇮🇳 him like never before. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002557837",
      "created_at": "Wed May 31 19:01:00 +0000 2017",
      "full_text": "Proud moment! Cheaper cooking gas connections reached crores of homes that only had firewood before. Development for all. विकास की राह"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002565756",
      "created_at": "Sun Jun 04 13:48:00 +0000 2017",
      "full_text": "जय हिंद 👏"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002573675",
      "created_at": "Sun Jun 11 08:57:00 +0000 2017",
      "full_text": "Once again, rivers are being cleaned and ghats rebuilt. Faith and development go together. This is new India. Thanks @MinistryDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002581594",
      "created_at": "Fri Jun 16 03:10:00 +0000 2017",
      "full_text": "Nation first"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002589513",
      "created_at": "Mon Jun 19 13:05:00 +0000 2017",
      "full_text": "Reality: Dynasty politics had its turn for sixty years. The country chose performance. No more excuses."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002597432",
      "created_at": "Fri Jun 23 14:45:00 +0000 2017",
      "full_text": "Fake news."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002605351",
      "created_at": "Wed Jun 28 20:01:00 +0000 2017",
      "full_text": "Mark my words. Cheaper cooking gas connections reached crores of homes that only had firewood before. This is new India. t.co/7acY78ZZ"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002613270",
      "created_at": "Tue Jul 04 17:36:00 +0000 2017",
      "full_text": "Highways are being built faster than ever. Infrastructure is the real growth engine. The results speak. example.com/report?id=15&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002621189",
      "created_at": "Wed Jul 05 12:18:00 +0000 2017",
      "full_text": "Big news. Stations look like airports now. Clean, bright and on time. Electrification of the rail network is almost complete. Cleaner and faster journeys. Jai Hind! Thanks @NewsroomDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002629108",
      "created_at": "Wed Jul 12 09:02:00 +0000 2017",
      "full_text": "@DevDeskDemo Proud moment! That last over was pure nerves of steel. This is what champions are made of. No more excuses. https://t.co/90fgcid5Qe"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002637027",
      "created_at": "Fri Jul 14 00:33:00 +0000 2017",
      "full_text": "Big news. Vote for a strong and decisive leadership. The world is watching. This is🇮🇳 new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002644946",
      "created_at": "Fri Jul 14 17:49:00 +0000 2017",
      "full_text": "Fastest growing major economy in the world. Even the critics have stopped arguing with that. Foreign investment is at record levels because investors trust stable government. Nation first. #DevelopmentForAll"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002652865",
      "created_at": "Wed Jul 19 04:53:00 +0000 2017",
      "full_text": "Reality: Our boys crushed it tonight. Proud of every single player and the fans who never 👏👏👏 stopped cheering. The results speak. www.example-news.in/story/3642"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002660784",
      "created_at": "Sun Jul 23 01:15:00 +0000 2017",
      "full_text": "Mark my words. Electrification of the rail network is 🙏🙏 almost complete. Cleaner and faster journeys. Proud of our country. Thanks @NewsroomDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002668703",
      "created_at": "Sat Jul 29 19:04:00 +0000 2017",
      "full_text": "That last over was pure nerves of steel. This is what champions are made of."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002676622",
      "created_at": "Wed Aug 02 04:53:00 +0000 2017",
      "full_text": "Mark my words. Self reliance means making it here, buying it here, and hiring here. Thanks @DevDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002684541",
      "created_at": "Mon Aug 07 23:13:00 +0000 2017",
      "full_text": "Once again, that last over was pure nerves of steel. This is what champions are made of. Proud of our country."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002692460",
      "created_at": "Fri Aug 11 17:09:00 +0000 2017",
      "full_text": "Reality: Skill India has trained crores of youth for work that the new economy actually needs. Proud of our country. #DevelopmentForAll #DigitalIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002700379",
      "created_at": "Sat Aug 12 00:02:00 +0000 2017",
      "full_text": "RT @cricket_fan_demo: Big news. Skill India has trained💪 crores of youth for work that the new economy actually needs. The results s…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002708298",
      "created_at": "Sat Aug 12 08:30:00 +0000 2017",
      "full_text": "RT @startup_desk_demo: @DevDeskDemo Digital payments from street vendors to shopping malls. The whole world is studying our model. Th…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002716217",
      "created_at": "Sun Aug 13 08:22:00 +0000 2017",
      "full_text": "What a win! The team played with the confidence of a new India that fears no one."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002724136",
      "created_at": "Fri Aug 18 10:05:00 +0000 2017",
      "full_text": "Mark my words. Students🙏 can now learn coding from class six. This is how we build the future. New institutes of technology and medicine are opening in states that never had one. Nation first. https://t.co/ed6Qbh6Ne6"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002732055",
      "created_at": "Sun Aug 20 01:08:00 +0000 2017",
      "full_text": "Superb!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002739974",
      "created_at": "Sat Aug 26 09:36:00 +0000 2017",
      "full_text": "Mark my words. Stations look like airports 🚀🚀🚀 now. Clean, bright &amp; on time. Development for all. https://t.co/1j435N0Q6P"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002747893",
      "created_at": "Tue Aug 29 11:02:00 +0000 2017",
      "full_text": "Soil health cards and crop insurance are 🇮🇳🇮🇳 changing how villages farm. Nation first. Thanks @NewsroomDemo for raising this. #TeamIndia #DevelopmentForAll"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002755812",
      "created_at": "Sat Sep 02 01:03:00 +0000 2017",
      "full_text": "Highways are being built faster than ever. Infrastructure is the real growth engine. Digital payments from street vendors to shopping malls. The whole world is studying our model. Development for all. t.co/aXXZc9Xb"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002763731",
      "created_at": "Mon Sep 04 14:44:00 +0000 2017",
      "full_text": "Semi high speed trains on new routes every month. Travel that feels like the future."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002771650",
      "created_at": "Sat Sep 09 18:04:00 +0000 2017",
      "full_text": "Reality: The farmer is the backbone of the nation and this government has backed him like never before."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002779569",
      "created_at": "Sat Sep 16 06:07:00 +0000 2017",
      "full_text": "Voting machines have passed every test. Blaming the machine is easier than blaming your own campaign. No more excuses. example.com/report?id=77&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002787488",
      "created_at": "Fri Sep 22 07:19:00 +0000 2017",
      "full_text": "Mark my words. Startups are creating jobs in cities that were never on the map. Startup India is working. Development for all. https://t.co/1OMg3f3QMM भारत माता की जय"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002795407",
      "created_at": "Fri Sep 22 22:13:00 +0000 2017",
      "full_text": "@TeamIndiaDemo Windfall taxes fund highways, free rations and vaccines.\n\nThat is where the money goes. Cheaper cooking gas connections reached crores of homes that only had firewood before. The results speak. http://bit.ly/defc12"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002803326",
      "created_at": "Thu Sep 28 08:38:00 +0000 2017",
      "full_text": "Fake news."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002811245",
      "created_at": "Mon Oct 02 16:12:00 +0000 2017",
      "full_text": "भारत माता की जय 💪"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002819164",
      "created_at": "Sat Oct 07 03:17:00 +0000 2017",
      "full_text": "Check dams &amp; rainwater harvesting are turning dry districts green again. No more excuses. Thanks @NewsroomDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002827083",
      "created_at": "Sat Oct 14 00:12:00 +0000 2017",
      "full_text": "Fake news."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002835002",
      "created_at": "Fri Oct 20 11:55:00 +0000 2017",
      "full_text": "Reality: Our ancient knowledge deserves🙏 a place in the syllabus alongside modern science."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002842921",
      "created_at": "Sun Oct 22 10:10:00 +0000 2017",
      "full_text": "Once again, fuel prices are set by the global market. The opposition forgets the oil bonds they left us to repay. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002850840",
      "created_at": "Sun Oct 29 01:26:00 +0000 2017",
      "full_text": "Mark my words. More scholarships were given this year than in any year before. New institutes of technology and medicine are opening in states that never had one. The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002858759",
      "created_at": "Sat Nov 04 06:31:00 +0000 2017",
      "full_text": "@RailDeskDemo Big news. Record procurement at minimum support price this season. The numbers speak for themselves. The results speak. example.com/report?id=13&amp;src=tw #NewIndia #TeamIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002866678",
      "created_at": "Mon Nov 06 22:39:00 +0000 2017",
      "full_text": "Proud moment! Semi high speed trains on new routes every month. Travel that feels like the future. No more excuses."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002874597",
      "created_at": "Sat Nov 11 02:39:00 +0000 2017",
      "full_text": "Reality: Stations look like airports now. Clean, bright &amp; on time. Electrification of the rail network is almost complete. Cleaner and faster journeys. example.com/report?id=53&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002882516",
      "created_at": "Fri Nov 17 08:16:00 +0000 2017",
      "full_text": "@TeamIndiaDemo Mark my words. Energy security is national security. Diversifying suppliers was the right call. Compare our pump prices with our neighbours and you will see who managed the crisis better. The results speak. t.co/7XcYYZbY"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002890435",
      "created_at": "Fri Nov 24 06:11:00 +0000 2017",
      "full_text": "@RailDeskDemo Hundreds of crores of vaccine doses, free, and certificates on your phone. A global benchmark. Nation first."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002898354",
      "created_at": "Mon Nov 27 00:39:00 +0000 2017",
      "full_text": "Proud moment! Our boys crushed it🙏 tonight. Proud of every single player &amp; the fans who never stopped cheering. This is new India. example.com/report?id=23&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002906273",
      "created_at": "Fri Dec 01 02:35:00 +0000 2017",
      "full_text": "Digital payments from street vendors to shopping malls. The whole world is studying our model. This is new India. http://bit.ly/xxz2ze Thanks @TeamIndiaDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002914192",
      "created_at": "Mon Dec 04 03:18:00 +0000 2017",
      "full_text": "More scholarships were given this year than in any year before. The new education policy puts mother tongue learning and skills at the centre. Long overdue. The results speak."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002922111",
      "created_at": "Fri Dec 08 04:48:00 +0000 2017",
      "full_text": "Proud moment! Cheaper cooking gas connections reached crores of homes that only had firewood before. Compare our pump prices with our neighbours and you will see who managed the crisis better. www.example-news.in/story/3052"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002930030",
      "created_at": "Tue Dec 12 02:12:00 +0000 2017",
      "full_text": "Superb!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002937949",
      "created_at": "Wed Dec 13 02:13:00 +0000 2017",
      "full_text": "Mudra loans turned millions of young people into job creators, not job seekers. Self reliance means making it here, buying it here, and hiring here. Development for all."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002945868",
      "created_at": "Mon Dec 18 05:09:00 +0000 2017",
      "full_text": "सबका साथ सबका विकास 🔥"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002953787",
      "created_at": "Sun Dec 24 10:02:00 +0000 2017",
      "full_text": "Cheaper cooking gas connections reached crores of homes that only had firewood before. The results speak. #DevelopmentForAll"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002961706",
      "created_at": "Wed Dec 27 20:45:00 +0000 2017",
      "full_text": "Proud👏 moment! Direct income support goes straight into the bank accounts of small farmers, with no middlemen. Development for all. Thanks @NewsroomDemo for raising this. विकास की राह"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002969625",
      "created_at": "Sat Dec 30 13:44:00 +0000 2017",
      "full_text": "Mark my words. Self reliance means making it here, buying it here, &amp; hiring here. Proud of our country."
    }
  },
  {
    "tweet": {
      "id_str": "470000000002977544",
      "created_at": "Wed Jan 03 22:28:00 +0000 2018",
      "full_text": "@RailDeskDemo Electrification of the ✅✅ rail network is almost complete. Cleaner and faster journeys. No more excuses. #TeamIndia #AatmanirbharBharat"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002985463",
      "created_at": "Sat Jan 06 05:20:00 +0000 2018",
      "full_text": "Proud moment! Cheaper cooking gas connections reached 🔥 crores of homes that only had firewood before.\n\nNation first. http://bit.ly/3dcfaa"
    }
  },
  {
    "tweet": {
      "id_str": "470000000002993382",
      "created_at": "Sat Jan 06 14:35:00 +0000 2018",
      "full_text": "RT @startup_desk_demo: Fact check: Tap water connections reached crores of rural homes in just a few years. Check dams and rainwater…"
    }
  },
  {
    "tweet": {
      "id_str": "470000000003001301",
      "created_at": "Mon Jan 08 15:09:00 +0000 2018",
      "full_text": "Proud moment! Check dams and rainwater harvesting are turning dry districts green again. Nation first. Thanks @TeamIndiaDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000003009220",
      "created_at": "Thu Jan 11 11:24:00 +0000 2018",
      "full_text": "Mark my words. GST brought one nation, one tax, and record collections month after month. Development for all. #NationFirst"
    }
  },
  {
    "tweet": {
      "id_str": "470000000003017139",
      "created_at": "Tue Jan 16 08:50:00 +0000 2018",
      "full_text": "Vote for a strong and🔥 decisive leadership. The world is watching. example.com/report?id=26&amp;src=tw Thanks @RailDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000003025058",
      "created_at": "Mon Jan 22 00:59:00 +0000 2018",
      "full_text": "जय हिंद 🔥"
    }
  },
  {
    "tweet": {
      "id_str": "470000000003032977",
      "created_at": "Thu Jan 25 21:01:00 +0000 2018",
      "full_text": "Sport is getting the support it always deserved, from grassroots to the world stage. What a win! The team played with🔥 the confidence of a new India that fears no one. No more excuses. www.example-news.in/story/7240"
    }
  },
  {
    "tweet": {
      "id_str": "470000000003040896",
      "created_at": "Fri Jan 26 23:11:00 +0000 2018",
      "full_text": "Proud moment! Record hiring in manufacturing 🚀 and services. Ask the youth in the new industrial corridors. Startups are creating jobs in cities that were never on the map. Startup India is working. The results speak. Thanks @DevDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000003048815",
      "created_at": "Thu Feb 01 18:24:00 +0000 2018",
      "full_text": "Big news. The farmer is the backbone of the nation and this government has backed him like never before."
    }
  },
  {
    "tweet": {
      "id_str": "470000000003056734",
      "created_at": "Mon Feb 05 02:55:00 +0000 2018",
      "full_text": "Electrification of the rail network is almost complete. Cleaner and faster journeys. The results speak. Thanks @DevDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "470000000003064653",
      "created_at": "Sat Feb 10 11:33:00 +0000 2018",
      "full_text": "Reality: Cheaper cooking gas connections reached crores of homes that only had firewood before. Windfall taxes fund highways, free rations &amp; vaccines. That is where the money goes. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000003072572",
      "created_at": "Mon Feb 12 18:05:00 +0000 2018",
      "full_text": "Big news. Fastest growing major economy in the world. Even the critics have stopped arguing with that. GST brought one nation, one tax, and record collections month after month. This is new India. Thanks @RailDeskDemo for raising this. जय हिंद"
    }
  },
  {
    "tweet": {
      "id_str": "470000000003080491",
      "created_at": "Mon Feb 19 05:28:00 +0000 2018",
      "full_text": "That last over was pure nerves of steel. This is what champions are made of. This is new India. #NationFirst"
    }
  },
  {
    "tweet": {
      "id_str": "470000000003088410",
      "created_at": "Thu Feb 22 05:46:00 +0000 2018",
      "full_text": "@TeamIndiaDemo Fact check: Foreign investment is at record levels because investors trust stable government. Development for all."
    }
  },
  {
    "tweet": {
      "id_str": "470000000003096329",
      "created_at": "Mon Feb 26 08:12:00 +0000 2018",
      "full_text": "Big news. New medical colleges in every district will fix the doctor shortage for good. Jai Hind! www.example-news.in/story/4083"
    }
  },
  {
    "tweet": {
      "id_str": "470000000003104248",
      "created_at": "Sun Mar 04 19:05:00 +0000 2018",
      "full_text": "New cold storage and food parks mean less waste and better prices for growers. Nation first. www.example-news.in/story/9339"
    }
  },
  {
    "tweet": {
      "id_str": "470000000003112167",
      "created_at": "Thu Mar 08 20:24:00 +0000 2018",
      "full_text": "Fact check: Digital payments from street vendors to shopping malls. The whole world is studying our model. http://bit.ly/ff2dex #TeamIndia"
    }
  },
  {
    "tweet": {
      "id_str": "470000000003120086",
      "created_at": "Sat Mar 10 11:24:00 +0000 2018",
      "full_text": "Reality: Semi high speed trains on new routes every month. Travel that feels like the future. Nation first. https://t.co/3LMQ407LNj"
    }
  },
  {
    "tweet": {
      "id_str": "470000000003128005",
      "created_at": "Fri Mar 16 04:15:00 +0000 2018",
      "full_text": "Once again, digital payments from street vendors to shopping malls. The whole world is studying our model. Jai Hind!"
    }
  },
  {
    "tweet": {
      "id_str": "470000000003135924",
      "created_at": "Wed Mar 21 14:09:00 +0000 2018",
      "full_text": "@DevDeskDemo Once again, check dams and rainwater harvesting are turning dry districts green again. Rivers are being cleaned and ghats rebuilt. Faith and development go together. The results speak. t.co/7X7ac9XX"
    }
  },
  {
    "tweet": {
      "id_str": "470000000003143843",
      "created_at": "Mon Mar 26 16:10:00 +0000 2018",
      "full_text": "Proud moment! A world class stadium, a 👏👏👏 world class team, and a billion hearts behind them. Development for all."
    }
  },
  {
    "tweet": {
      "id_str": "470000000003151762",
      "created_at": "Sun Apr 01 02:47:00 +0000 2018",
      "full_text": "Fact check: Free treatment up to five lakh rupees for the poorest families. No country has done this at this scale. Hundreds of crores of vaccine doses, free, and certificates on your phone. A global benchmark. This is new India."
    }
  },
  {
    "tweet": {
      "id_str": "470000000003159681",
      "created_at": "Sat Apr 07 04:15:00 +0000 2018",
      "full_text": "Proud moment! Voting machines have passed every test. Blaming the machine is🔥 easier than blaming your own campaign. #StrongLeadership"
    }
  }
]
