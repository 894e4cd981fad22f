window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "460000000000000000",
      "created_at": "Fri Apr 04 07:04:00 +0000 2014",
      "full_text": "Ground report: Ten years of slogans and the manifesto still has the same unfinished promises. A free press and an independent election commission are not opposition demands, they are the constitution. Jobs not jumlas. #StandWithFarmers"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000007919",
      "created_at": "Mon Apr 07 01:22:00 +0000 2014",
      "full_text": "Unemployment among graduates is at a record. Degrees 😡😡 are not supposed to be waiting-room tickets. http://bit.ly/baaycz"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000015838",
      "created_at": "Tue Apr 08 22:23:00 +0000 2014",
      "full_text": "Let us be honest. Household savings are at a low and household debt is at a high. That is the real economy. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000023757",
      "created_at": "Wed Apr 09 18:00:00 +0000 2014",
      "full_text": "Unemployment among graduates is at a record. Degrees 😡😡 are not supposed to be waiting-room tickets. http://bit.ly/baaycz"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000031676",
      "created_at": "Sun Apr 13 11:28:00 +0000 2014",
      "full_text": "Crop insurance claims sit unpaid for months while premiums are deducted on time.\n\nFertiliser queues before sowing season tell you more about policy than any press release. #Unemployment #PriceRise"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000039595",
      "created_at": "Mon Apr 14 11:23:00 +0000 2014",
      "full_text": "Answer please"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000047514",
      "created_at": "Sun Apr 20 18:27:00 +0000 2014",
      "full_text": "Ground report: Laws written for farmers should be written with farmers, not announced to them. Silence is not an answer. #SaveDemocracy #PriceRise"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000055433",
      "created_at": "Mon Apr 21 22:36:00 +0000 2014",
      "full_text": "Simple question: Gig work without a minimum wage or insurance is not the future of work, it is the past with an app. Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. Ask questions. Keep asking. #EducationForAll #PriceRise"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000063352",
      "created_at": "Sun Apr 27 15:54:00 +0000 2014",
      "full_text": "Reminder: Every hike in fuel tax lands on the auto driver, the delivery boy and the farmer with a diesel pump. Petrol crossed 100 rupees a litre in my town today and the government calls it a global problem."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000071271",
      "created_at": "Fri May 02 05:40:00 +0000 2014",
      "full_text": "Simple question: Growth numbers look great from a hotel in the capital and very different from a small shop in a district town. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000079190",
      "created_at": "Sun May 04 09:33:00 +0000 2014",
      "full_text": "Simple question: Unemployment among graduates is at a record. Degrees are not supposed to be waiting-room tickets. Enough is enough. www.example-news.in/story/6811 #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000087109",
      "created_at": "Thu May 08 15:30:00 +0000 2014",
      "full_text": "Anganwadi &amp; ASHA workers held the system together in the pandemic and are still paid like volunteers."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000095028",
      "created_at": "Tue May 13 02:15:00 +0000 2014",
      "full_text": "New trains for the photo op, while general coaches stay packed like cattle wagons. Senior citizen concessions on train tickets were quietly removed. Bring them back. Who is answerable? #StandWithFarmers"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000102947",
      "created_at": "Mon May 19 10:20:00 +0000 2014",
      "full_text": "Ground 💔💔💔 report: A free press and an independent election commission are not opposition demands, they are the constitution. Ten years of slogans and the manifesto still has the same unfinished promises. The people are watching."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000110866",
      "created_at": "Wed May 21 02:51:00 +0000 2014",
      "full_text": "Once again, the river cleaning mission has spent crores &amp; 📉 the river is still the colour of tea. Enough is enough. https://t.co/OkhNjjfg59"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000118785",
      "created_at": "Thu May 22 01:40:00 +0000 2014",
      "full_text": "Ground report: Youth want jobs, not speeches about 🙄🙄🙄 jobs. रोज़गार कहाँ है?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000126704",
      "created_at": "Wed May 28 17:49:00 +0000 2014",
      "full_text": "Ground report: Proud of the team tonight. Now imagine if we funded girls' cricket in every district like we fund stadium names. Cricket unites the country for three hours. It would be nice if politicians did not try to own the win. Ask questions. Keep asking. www.example-news.in/story/9864"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000134623",
      "created_at": "Sat May 31 10:27:00 +0000 2014",
      "full_text": "Ground report: A family should not sell land to pay for one surgery. Public health care is a right. We deserve better."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000142542",
      "created_at": "Sat Jun 07 00:25:00 +0000 2014",
      "full_text": "RT @opposition_voice: Senior citizen concessions on train 🤔🤔 tickets were quietly removed. Bring them back.…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000150461",
      "created_at": "Sat Jun 07 09:29:00 +0000 2014",
      "full_text": "Simple question: Youth want jobs, not speeches about jobs. Silence is not an answer. www.example-news.in/story/1586 #JobsNow #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000158380",
      "created_at": "Sat Jun 07 17:56:00 +0000 2014",
      "full_text": "Ground report: Big loans get written off quietly ✊ while students are chased for education loan instalments."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000166299",
      "created_at": "Mon Jun 09 07:57:00 +0000 2014",
      "full_text": "A free press and an independent election commission are not opposition demands, they are the constitution."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000174218",
      "created_at": "Wed Jun 11 22:21:00 +0000 2014",
      "full_text": "Household savings are at a low and household debt is at a high. That is the real economy. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000182137",
      "created_at": "Tue Jun 17 11:26:00 +0000 2014",
      "full_text": "Two crore jobs 🤔🤔🤔 a year was the promise. Ask any young person in a coaching town how that went. Enough is enough. Thanks @FinMinistryDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000190056",
      "created_at": "Tue Jun 24 02:04:00 +0000 2014",
      "full_text": "Ground report: What a chase! The young opener played like he had nothing to prove and everything to enjoy. Silence is not an answer. Thanks @RailDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000197975",
      "created_at": "Tue Jun 24 08:09:00 +0000 2014",
      "full_text": "Think about this. Crude is cheaper than it was last year, so why does the pump price keep climbing? Ask questions. Keep asking. महंगाई बहुत है"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000205894",
      "created_at": "Sun Jun 29 03:31:00 +0000 2014",
      "full_text": "Unemployment among graduates is at a record. Degrees 😡😡 are not supposed to be waiting-room tickets. http://bit.ly/baaycz"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000213813",
      "created_at": "Sun Jun 29 12:52:00 +0000 2014",
      "full_text": "Youth want jobs, not speeches about jobs. Gig work📉 without a minimum wage or insurance is not the future of work, it is the past with an app. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000221732",
      "created_at": "Thu Jul 03 15:53:00 +0000 2014",
      "full_text": "Ground report: Big loans get written off quietly while students are chased for education loan instalments. Growth numbers look great from a hotel in the capital and very different from a small shop in a district town. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000229651",
      "created_at": "Thu Jul 10 11:46:00 +0000 2014",
      "full_text": "@RailDeskDemo Senior citizen concessions on train tickets were quietly removed. Bring them back. We deserve better."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000237570",
      "created_at": "Thu Jul 17 05:41:00 +0000 2014",
      "full_text": "What a chase! The young opener played like he had nothing to 😡 prove and everything to enjoy. www.example-news.in/story/4912 #StandWithFarmers #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000245489",
      "created_at": "Sat Jul 19 12:49:00 +0000 2014",
      "full_text": "Reminder: Farmers have waited at the border through winter &amp; summer. The least the state owes them is a hearing. Thanks @NewsroomDemo for raising this. #JobsNow #Unemployment"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000253408",
      "created_at": "Mon Jul 21 01:20:00 +0000 2014",
      "full_text": "Who pays?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000261327",
      "created_at": "Fri Jul 25 06:22:00 +0000 2014",
      "full_text": "Once again, a fuel price rise is a price rise on vegetables, milk and bus tickets. Nobody is fooled. Enough is enough. Thanks @FinMinistryDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000269246",
      "created_at": "Wed Jul 30 03:57:00 +0000 2014",
      "full_text": "Think about this. They collect record excise on fuel and still cannot tell us where the money went. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000277165",
      "created_at": "Wed Jul 30 23:56:00 +0000 2014",
      "full_text": "Simple question: Big loans get written off quietly while students are chased for education loan instalments. Household savings are at a low and household debt is at a high. That is the 💔 real economy. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000285084",
      "created_at": "Sat Aug 02 09:48:00 +0000 2014",
      "full_text": "Once again, safety first means signalling and track renewal, not another flag-off ceremony.😔 Enough is enough. #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000293003",
      "created_at": "Sat Aug 02 11:51:00 +0000 2014",
      "full_text": "So true."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000300922",
      "created_at": "Sat Aug 02 16:18:00 +0000 2014",
      "full_text": "Shameful."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000308841",
      "created_at": "Fri Aug 08 14:52:00 +0000 2014",
      "full_text": "Let us be honest. Demonetisation did not end black money, it ended a lot of small businesses. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000316760",
      "created_at": "Wed Aug 13 23:55:00 +0000 2014",
      "full_text": "RT @econ_watch_demo: Once again, fertiliser queues before sowing season tell you more about policy than any press release. Crop ins…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000324679",
      "created_at": "Sat Aug 16 09:13:00 +0000 2014",
      "full_text": "Think about this. Tankers in the city, dry wells in the villages. Water policy cannot be left to the✊ next monsoon. Every summer the same water crisis and every summer the same surprise from the administration. https://t.co/2bOQ1diM6O"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000332598",
      "created_at": "Sat Aug 23 05:35:00 +0000 2014",
      "full_text": "Every summer the same water crisis and every summer the same surprise from the administration.\n\nWe deserve better."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000340517",
      "created_at": "Fri Aug 29 23:47:00 +0000 2014",
      "full_text": "Let us be honest. A free press and an independent election commission are not opposition demands, they are the constitution. Electoral bonds kept the donors secret from voters and visible to the ruling party. That is not transparency. Thanks @EduDeskDemo 💔 for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000348436",
      "created_at": "Thu Sep 04 05:13:00 +0000 2014",
      "full_text": "@EduDeskDemo Every vote counts only if every voter can check how it was counted. Give us the paper trail. The people are watching. #EducationForAll #Unemployment"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000356355",
      "created_at": "Tue Sep 09 22:31:00 +0000 2014",
      "full_text": "Once again, electoral bonds kept the donors secret😡 from voters and visible to the ruling party. That is not transparency. Go out and vote. Take your neighbour. Silence is exactly what they are counting on."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000364274",
      "created_at": "Wed Sep 10 07:51:00 +0000 2014",
      "full_text": "Ground report: Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. Railway recruitment exams postponed again while millions of aspirants keep studying in rented rooms. Enough is enough. #PriceRise #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000372193",
      "created_at": "Wed Sep 10 15:40:00 +0000 2014",
      "full_text": "Reminder: A free press &amp; an independent election commission are not opposition demands, they are the constitution.\n\nElectoral bonds kept the donors secret from voters and visible 😔😔 to the ruling party. That is not transparency. #JobsNow #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000380112",
      "created_at": "Mon Sep 15 07:16:00 +0000 2014",
      "full_text": "RT @student_front_demo: A free press and an independent election commission are not opposition demands, they are the constitution. रोज…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000388031",
      "created_at": "Tue Sep 16 05:15:00 +0000 2014",
      "full_text": "Once again, every summer the same water crisis and every summer the same surprise from the administration. The😔 river cleaning mission has spent crores and the river is still the colour of tea. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000395950",
      "created_at": "Sun Sep 21 04:57:00 +0000 2014",
      "full_text": "Unemployment among graduates is at a record. Degrees are not supposed to be waiting-room tickets. Gig work without a minimum wage or insurance is not the future of work, it is the past with an app. We deserve better."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000403869",
      "created_at": "Wed Sep 24 16:24:00 +0000 2014",
      "full_text": "Ground report: The GST on everyday items hurts the poor the most. Simplify it and cut it. The people are watching."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000411788",
      "created_at": "Thu Sep 25 17:47:00 +0000 2014",
      "full_text": "Once again, sport belongs to the fans, not to whichever minister turns up for the photo at the final. Great win, but the board still pays women players a fraction of the men for the same hard work. जवाब दो"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000419707",
      "created_at": "Sun Sep 28 09:58:00 +0000 2014",
      "full_text": "@NewsroomDemo Ten years of slogans and the manifesto still has the same unfinished promises."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000427626",
      "created_at": "Wed Oct 01 18:45:00 +0000 2014",
      "full_text": "Think about 🤔 this. They collect record excise on fuel and still cannot tell us where the money went. www.example-news.in/story/2125"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000435545",
      "created_at": "Tue Oct 07 22:56:00 +0000 2014",
      "full_text": "Simple question: Safety first means signalling and track renewal, not another flag-off ceremony. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000443464",
      "created_at": "Sat Oct 11 17:09:00 +0000 2014",
      "full_text": "Sad."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000451383",
      "created_at": "Mon Oct 13 08:26:00 +0000 2014",
      "full_text": "Reminder: A legal guarantee on minimum support price is not charity, it is a promise that was made and broken. Crop insurance claims sit unpaid for months while premiums are deducted on time. Enough is enough."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000459302",
      "created_at": "Sat Oct 18 11:00:00 +0000 2014",
      "full_text": "RIP democracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000467221",
      "created_at": "Wed Oct 22 10:39:00 +0000 2014",
      "full_text": "Once again, every hike in fuel tax lands on the auto driver, the delivery boy and the farmer with a diesel pump. We deserve better. http://bit.ly/1edyfe जवाब दो"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000475140",
      "created_at": "Sun Oct 26 23:45:00 +0000 2014",
      "full_text": "Ground report: The GST on everyday items hurts the poor the most. Simplify it and cut it. #SaveDemocracy #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000483059",
      "created_at": "Wed Oct 29 19:52:00 +0000 2014",
      "full_text": "@PetroDeskDemo Reminder: Inflation is a tax on the people who have the least, and it has been high for far too🙄 long. #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000490978",
      "created_at": "Tue Nov 04 22:07:00 +0000 2014",
      "full_text": "Big loans get written off quietly while students are chased for education loan instalments. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000498897",
      "created_at": "Mon Nov 10 10:18:00 +0000 2014",
      "full_text": "Think about this. Great win, but the board still pays women players a fraction of the men for the same hard work. Ask questions. Keep asking. http://bit.ly/3eb1ad"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000506816",
      "created_at": "Thu Nov 13 20:46:00 +0000 2014",
      "full_text": "The education budget is still far below six percent of GDP. Our classrooms feel every missing rupee.📉"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000514735",
      "created_at": "Mon Nov 17 11:06:00 +0000 2014",
      "full_text": "Think about this. New trains for the photo op, while general coaches stay packed like cattle wagons. Ask questions. Keep asking. #StandWithFarmers"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000522654",
      "created_at": "Wed Nov 19 23:50:00 +0000 2014",
      "full_text": "Paper leaks in exam after exam and lakhs of students pay for it with a lost year. Teach history with all its chapters, not only the ones that suit the party in power. #AskTheGovt #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000530573",
      "created_at": "Sun Nov 23 17:08:00 +0000 2014",
      "full_text": "😡😡"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000538492",
      "created_at": "Sun Nov 30 09:13:00 +0000 2014",
      "full_text": "😡😡"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000546411",
      "created_at": "Thu Dec 04 01:28:00 +0000 2014",
      "full_text": "A free press and an independent election commission are not opposition demands, they are the constitution. Go out and vote. Take your neighbour. Silence is exactly what they are counting on. #PriceRise #EducationForAll"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000554330",
      "created_at": "Sat Dec 06 23:44:00 +0000 2014",
      "full_text": "Great win, but the board still pays women players a fraction of the men for the same hard work. Ask questions. Keep asking. https://t.co/QQ004fOPdb"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000562249",
      "created_at": "Thu Dec 11 02:28:00 +0000 2014",
      "full_text": "Let us be honest. Farmers have waited at the border through winter and summer. The least the state owes them is a hearing. Silence is not an answer. #EducationForAll #StandWithFarmers"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000570168",
      "created_at": "Fri Dec 12 17:42:00 +0000 2014",
      "full_text": "Simple question: Petrol crossed 100 rupees a litre in my town today and the government calls it a global problem. Cooking gas cylinder up again this month. Ask any household budget who is paying for the windfall. #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000578087",
      "created_at": "Sun Dec 14 03:23:00 +0000 2014",
      "full_text": "Once again, ten years of slogans and the manifesto still has the same unfinished promises. A free📉 press and an independent election commission are not opposition demands, they are the constitution. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000586006",
      "created_at": "Tue Dec 16 19:12:00 +0000 2014",
      "full_text": "@RailDeskDemo Reminder: Safety first means signalling and track renewal, not another flag-off ceremony.\n\nSenior citizen concessions on train tickets were quietly removed. Bring them back. Enough is enough. किसान एकता ज़िंदाबाद"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000593925",
      "created_at": "Sat Dec 20 10:20:00 +0000 2014",
      "full_text": "Simple question: They collect record excise on fuel and still cannot tell us where the money went. A fuel price rise is a price rise on vegetables, milk😡 and bus tickets. Nobody is fooled. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000601844",
      "created_at": "Mon Dec 22 06:45:00 +0000 2014",
      "full_text": "RT @econ_watch_demo: @NewsroomDemo Every summer the same water crisis and every summer the same surprise from the administration. T…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000609763",
      "created_at": "Sat Dec 27 13:00:00 +0000 2014",
      "full_text": "जवाब दो ✊"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000617682",
      "created_at": "Fri Jan 02 15:42:00 +0000 2015",
      "full_text": "RT @student_front_demo: Simple question: Crude is cheaper than it was last year, so why does the pump price keep climbing? We deserve…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000625601",
      "created_at": "Sat Jan 03 00:11:00 +0000 2015",
      "full_text": "RIP democracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000633520",
      "created_at": "Tue Jan 06 04:15:00 +0000 2015",
      "full_text": "Once again, the GST on everyday items hurts the poor the most. Simplify it and cut it."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000641439",
      "created_at": "Wed Jan 07 12:42:00 +0000 2015",
      "full_text": "Think📉 about this. Youth want jobs, not speeches about jobs."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000649358",
      "created_at": "Tue Jan 13 06:54:00 +0000 2015",
      "full_text": "Ground report: Household savings are at a low and household debt is at a high. That is the real economy.💔 We deserve better."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000657277",
      "created_at": "Mon Jan 19 23:32:00 +0000 2015",
      "full_text": "RT @opposition_voice: Simple question: The education budget is still far below six percent of GDP. Our classrooms feel every missing…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000665196",
      "created_at": "Wed Jan 21 15:18:00 +0000 2015",
      "full_text": "Crop insurance claims sit unpaid for months while premiums are deducted on time. Laws written for farmers should be 🙄 written with farmers, not announced to them. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000673115",
      "created_at": "Tue Jan 27 17:14:00 +0000 2015",
      "full_text": "Think about this. A legal guarantee on minimum support price is not charity, it is a promise that was made and broken. Crop insurance claims sit unpaid for months while premiums are deducted on time. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000681034",
      "created_at": "Thu Jan 29 23:03:00 +0000 2015",
      "full_text": "RT @student_front_demo: Campaigns should be about jobs and schools, not🤔 about whom to hate this week. Silence is not an answer.…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000688953",
      "created_at": "Sun Feb 01 01:18:00 +0000 2015",
      "full_text": "Ground report: Cricket unites the country for three hours. It would be nice if politicians did not try to own the win. example.com/report?id=12&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000696872",
      "created_at": "Wed Feb 04 16:54:00 +0000 2015",
      "full_text": "Once again, crop insurance claims sit unpaid for months while premiums are 😡😡😡 deducted on time. The people are watching. #SaveDemocracy #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000704791",
      "created_at": "Sun Feb 08 19:32:00 +0000 2015",
      "full_text": "RT @econ_watch_demo: Let us be honest. Campaigns should be about jobs &amp; schools, not about whom to hate this week.…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000712710",
      "created_at": "Tue Feb 10 02:55:00 +0000 2015",
      "full_text": "RT @econ_watch_demo: Once again, fertiliser queues before sowing season tell you more about policy than any press release. Crop ins…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000720629",
      "created_at": "Tue Feb 10 23:09:00 +0000 2015",
      "full_text": "Reminder: What a chase! The young opener played like he had nothing to prove and everything to enjoy. https://t.co/L0QMkdcOMP #JobsNow #AskTheGovt"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000728548",
      "created_at": "Wed Feb 11 16:12:00 +0000 2015",
      "full_text": "Simple question: Crop insurance claims sit unpaid for months while premiums are deducted on time. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000736467",
      "created_at": "Tue Feb 17 08:24:00 +0000 2015",
      "full_text": "Scholarships for Dalit and tribal students delayed again. Delay is denial. Teach history with all its chapters, not only the ones that suit the party in power. t.co/b9XaY9ZY"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000744386",
      "created_at": "Tue Feb 17 19:50:00 +0000 2015",
      "full_text": "A family should not sell 📉 land to pay for one surgery. Public health care is a right. Enough is enough."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000752305",
      "created_at": "Wed Feb 18 19:03:00 +0000 2015",
      "full_text": "Simple question: Every vote counts only if every voter can check how it was counted. Give us the paper trail. The people are watching."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000760224",
      "created_at": "Tue Feb 24 23:30:00 +0000 2015",
      "full_text": "Think about this. Youth want jobs, not speeches😡 about jobs. Unemployment among graduates is at a record. Degrees are not supposed to be waiting-room tickets. Enough is enough. https://t.co/jfP82c42kQ"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000768143",
      "created_at": "Sat Feb 28 21:33:00 +0000 2015",
      "full_text": "Once again, gig work without a minimum wage or insurance is not the future of work, it is the past with an app. Who is answerable? example.com/report?id=99&amp;src=tw #StandWithFarmers #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000776062",
      "created_at": "Fri Mar 06 05:47:00 +0000 2015",
      "full_text": "Paper leaks in exam after exam and lakhs of students pay for it with a lost year."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000783981",
      "created_at": "Thu Mar 12 20:24:00 +0000 2015",
      "full_text": "Growth numbers 📉📉📉 look great from a hotel in the capital and very different from a small shop in a district town. Who is answerable? example.com/report?id=23&amp;src=tw Thanks @EduDeskDemo for raising this. #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000791900",
      "created_at": "Sat Mar 14 05:45:00 +0000 2015",
      "full_text": "Ground report: Government schools need teachers, toilets and libraries before they need new names. Silence is not📉 an answer. #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000799819",
      "created_at": "Tue Mar 17 02:13:00 +0000 2015",
      "full_text": "Ground 📉 report: Go out and vote. Take your neighbour. Silence is exactly what they are counting on. The people are watching."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000807738",
      "created_at": "Sun Mar 22 12:39:00 +0000 2015",
      "full_text": "Let us be honest. Government schools need teachers, toilets and libraries before they need new names. Paper leaks in exam after exam and lakhs of students pay for it with a lost year."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000815657",
      "created_at": "Sat Mar 28 06:52:00 +0000 2015",
      "full_text": "Once again, great win, but the board still pays women players a fraction of the men for the same hard work. Jobs not jumlas. महंगाई बहुत है"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000823576",
      "created_at": "Wed Apr 01 02:30:00 +0000 2015",
      "full_text": "Simple question: What a chase! The young opener played like he had nothing to prove and everything to enjoy. Sport belongs to the fans, not to whichever minister turns up for the photo at the final. Jobs not jumlas. #FuelPriceHike #PriceRise"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000831495",
      "created_at": "Thu Apr 02 21:51:00 +0000 2015",
      "full_text": "Once again, anganwadi and ASHA workers held the system together in the pandemic and are still paid like volunteers. A family should not sell land to pay for one surgery. Public health care is a right. Enough is enough. https://t.co/320Mib1i5a"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000839414",
      "created_at": "Mon Apr 06 03:07:00 +0000 2015",
      "full_text": "Go out and vote. Take your neighbour. Silence is exactly what they are counting on. Enough is enough. 🙄🙄🙄 example.com/report?id=85&amp;src=tw #StandWithFarmers"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000847333",
      "created_at": "Tue Apr 07 17:47:00 +0000 2015",
      "full_text": "Ten years of slogans and the manifesto still has the same unfinished promises. A free press and an independent election commission are not opposition demands, they are the constitution. Ask questions. Keep asking. #PriceRise #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000855252",
      "created_at": "Tue Apr 07 20:25:00 +0000 2015",
      "full_text": "जवाब दो 💔"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000863171",
      "created_at": "Mon Apr 13 17:53:00 +0000 2015",
      "full_text": "RT @student_front_demo: Let us be honest. Medicine prices went up again. Cap the essential drug list &amp; enforce it.…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000871090",
      "created_at": "Wed Apr 15 08:59:00 +0000 2015",
      "full_text": "Think about this. Demonetisation did not end black money, it ended 😔😔 a lot of small businesses. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000879009",
      "created_at": "Tue Apr 21 07:20:00 +0000 2015",
      "full_text": "Reminder: Cooking gas cylinder up again this month. Ask any household budget who is paying for the windfall. Who is answerable?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000886928",
      "created_at": "Sun Apr 26 05:35:00 +0000 2015",
      "full_text": "Reminder: Gig work without a minimum wage or insurance is not the future of work, it is the past with an app. Youth want jobs, not speeches about jobs. We deserve better."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000894847",
      "created_at": "Mon Apr 27 08:17:00 +0000 2015",
      "full_text": "RT @student_front_demo: Simple question: Senior citizen concessions on train tickets were quietly removed. Bring them back.…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000902766",
      "created_at": "Tue Apr 28 21:12:00 +0000 2015",
      "full_text": "Reminder: Safety first means signalling &amp; track renewal, not 🤔🤔 another flag-off ceremony. New trains for the photo op, while general coaches stay packed like cattle wagons. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000910685",
      "created_at": "Sat May 02 14:23:00 +0000 2015",
      "full_text": "Medicine prices went up again.\n\nCap the essential drug list and enforce it. Enough is enough. t.co/X7cYc9Za Thanks @NewsroomDemo for raising this. किसान एकता ज़िंदाबाद"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000918604",
      "created_at": "Thu May 07 12:51:00 +0000 2015",
      "full_text": "Once again, ✊ gig work without a minimum wage or insurance is not the future of work, it is the past with an app. Who is answerable?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000926523",
      "created_at": "Fri May 08 18:00:00 +0000 2015",
      "full_text": "Let us be honest. The river cleaning mission has spent crores and 😡😡😡 the river is still the colour of tea."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000934442",
      "created_at": "Tue May 12 19:21:00 +0000 2015",
      "full_text": "जवाब दो ✊"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000942361",
      "created_at": "Mon May 18 19:10:00 +0000 2015",
      "full_text": "Reminder: Gig work without a minimum wage or insurance is not the future of work, it is the past with ✊✊✊ an app. We deserve better. #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000950280",
      "created_at": "Fri May 22 08:06:00 +0000 2015",
      "full_text": "Let us be honest. Paper leaks in exam after exam and lakhs of students pay for it with a lost year. #EducationForAll"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000958199",
      "created_at": "Sun May 24 05:30:00 +0000 2015",
      "full_text": "Let us be honest. New trains for the photo op, while general coaches stay packed like cattle wagons. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000000966118",
      "created_at": "Mon May 25 11:50:00 +0000 2015",
      "full_text": "Once again, demonetisation did not end black money, it ended a lot of small businesses. The GST on everyday items hurts the poor the most. Simplify it and cut it. Silence is not an answer. t.co/8Xa9ZXaZ"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000974037",
      "created_at": "Tue May 26 02:56:00 +0000 2015",
      "full_text": "Demonetisation did not end black money, it ended a lot of small businesses. We deserve better. http://bit.ly/1acbz1 #PriceRise #EducationForAll"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000981956",
      "created_at": "Tue May 26 19:36:00 +0000 2015",
      "full_text": "Ground report: Safety first means signalling and track renewal, not another flag-off ceremony. http://bit.ly/cxxbcc"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000989875",
      "created_at": "Sun May 31 23:25:00 +0000 2015",
      "full_text": "A free press and an independent election commission are not opposition demands, they are the constitution. Go out and vote. Take your neighbour. Silence is exactly what they are counting on. #PriceRise #EducationForAll"
    }
  },
  {
    "tweet": {
      "id_str": "460000000000997794",
      "created_at": "Thu Jun 04 00:24:00 +0000 2015",
      "full_text": "@EduDeskDemo Let us be honest. Farmers have waited at the border through winter &amp; summer. The least the state owes them is a hearing. We deserve better. example.com/report?id=78&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001005713",
      "created_at": "Tue Jun 09 18:58:00 +0000 2015",
      "full_text": "Ground report: New trains for the photo op, while general coaches stay packed like cattle wagons.\n\nSilence is not an answer. #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001013632",
      "created_at": "Thu Jun 11 17:13:00 +0000 2015",
      "full_text": "RT @farm_union_demo: Think about this. Fee hikes at public universities push out exactly the students those universities were built…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001021551",
      "created_at": "Sun Jun 14 17:07:00 +0000 2015",
      "full_text": "Reminder: Growth numbers look great from a hotel in the capital and very different from a small shop in a district town. Jobs not jumlas. रोज़गार कहाँ है?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001029470",
      "created_at": "Fri Jun 19 06:32:00 +0000 2015",
      "full_text": "RT @student_front_demo: Simple question: The river cleaning mission has spent crores and the river is still the colour of tea. The peo…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001037389",
      "created_at": "Sun Jun 21 22:52:00 +0000 2015",
      "full_text": "😡😡"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001045308",
      "created_at": "Tue Jun 23 18:00:00 +0000 2015",
      "full_text": "Simple question: Proud of the team tonight. Now imagine if we funded girls' cricket in every district like we fund stadium names. The people are watching."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001053227",
      "created_at": "Tue Jun 30 07:57:00 +0000 2015",
      "full_text": "Senior citizen concessions on train tickets were quietly removed. Bring them back. New trains🤔 for the photo op, while general coaches stay packed like cattle wagons."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001061146",
      "created_at": "Sun Jul 05 14:20:00 +0000 2015",
      "full_text": "Think about this. Proud of the team tonight. Now imagine if we funded girls' cricket in every district like we fund stadium names. Jobs not jumlas. http://bit.ly/2za23c"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001069065",
      "created_at": "Sat Jul 11 15:53:00 +0000 2015",
      "full_text": "RT @student_front_demo: Think about this. Scholarships for Dalit and tribal students delayed again. Delay is denial. Silence is not an…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001076984",
      "created_at": "Sun Jul 12 07:50:00 +0000 2015",
      "full_text": "Tankers in the city, dry wells in the villages. Water policy cannot be left to the next monsoon."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001084903",
      "created_at": "Sun Jul 12 16:40:00 +0000 2015",
      "full_text": "Household savings are at a low and household debt is at a high. That is the real economy. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001092822",
      "created_at": "Thu Jul 16 09:17:00 +0000 2015",
      "full_text": "Let us be honest. A family should not sell land to pay for one surgery. Public health care is😡 a right. District hospitals run without specialists while the health budget shrinks as a share of spending. महंगाई बहुत है"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001100741",
      "created_at": "Tue Jul 21 23:01:00 +0000 2015",
      "full_text": "Crude is cheaper than it was last year, so why does the pump price keep climbing? Ask questions. Keep asking. किसान एकता ज़िंदाबाद"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001108660",
      "created_at": "Fri Jul 24 14:00:00 +0000 2015",
      "full_text": "Once again, gig work without a minimum wage or insurance is not the future of work, it is the past with an app. Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. We deserve better. #StandWithFarmers"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001116579",
      "created_at": "Sun Jul 26 06:16:00 +0000 2015",
      "full_text": "A free press and an independent election commission are not opposition demands, they are the constitution. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001124498",
      "created_at": "Sun Jul 26 10:29:00 +0000 2015",
      "full_text": "Growth numbers look great from a hotel in the capital and very different from a small shop in a district town. Enough is enough. www.example-news.in/story/5471 #FuelPriceHike #PriceRise"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001132417",
      "created_at": "Thu Jul 30 17:53:00 +0000 2015",
      "full_text": "Reminder: Crude is cheaper than it was last year, so why does the pump price keep climbing?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001140336",
      "created_at": "Sun Aug 02 06:49:00 +0000 2015",
      "full_text": "Let us be honest. Crop insurance claims sit unpaid for months while premiums are deducted on ✊✊✊ time. Laws written for farmers should be written with farmers, not announced to them. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001148255",
      "created_at": "Wed Aug 05 21:29:00 +0000 2015",
      "full_text": "Electoral bonds kept the donors secret from voters and visible to the ruling party. That is not transparency. जवाब दो"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001156174",
      "created_at": "Mon Aug 10 18:26:00 +0000 2015",
      "full_text": "Ground report: The river cleaning mission has spent crores and the river is still the colour of tea. https://t.co/g9M049Qj9O"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001164093",
      "created_at": "Tue Aug 11 18:36:00 +0000 2015",
      "full_text": "Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. Unemployment among graduates is at a record. Degrees are not supposed to be waiting-room tickets. We deserve better."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001172012",
      "created_at": "Sat Aug 15 21:13:00 +0000 2015",
      "full_text": "@PetroDeskDemo Ground report: Crop insurance claims sit unpaid for months while premiums are deducted on time."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001179931",
      "created_at": "Fri Aug 21 09:15:00 +0000 2015",
      "full_text": "@EduDeskDemo Sport belongs to the fans, not to ✊✊ whichever minister turns up for the photo at the final. Silence is not an answer. http://bit.ly/ec2by2"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001187850",
      "created_at": "Thu Aug 27 15:35:00 +0000 2015",
      "full_text": "RT @student_front_demo: Ground report: District hospitals run without specialists while the health budget shrinks as a share of spendi…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001195769",
      "created_at": "Fri Aug 28 20:45:00 +0000 2015",
      "full_text": "RT @farm_union_demo: Sport belongs to the fans, not to whichever minister turns up for the photo at the final. What a chase! The yo…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001203688",
      "created_at": "Fri Sep 04 16:53:00 +0000 2015",
      "full_text": "Let us be honest. Gig work without a minimum wage or insurance is not the future of work, it is the past with an app. Thanks @FinMinistryDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001211607",
      "created_at": "Mon Sep 07 18:45:00 +0000 2015",
      "full_text": "Safety first means signalling and track renewal, not another flag-off ceremony. Ask questions. Keep asking. 📉 t.co/aY97Xc97 Thanks @FinMinistryDemo for raising this. #EducationForAll #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001219526",
      "created_at": "Wed Sep 09 04:19:00 +0000 2015",
      "full_text": "Household savings are at a low and household debt is at a high. That is the real economy. Big loans get written off quietly while students are chased for education loan instalments. Who is answerable?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001227445",
      "created_at": "Thu Sep 10 07:14:00 +0000 2015",
      "full_text": "@PetroDeskDemo Every summer the same water crisis and every summer the same surprise from the administration. Tankers in the city, dry wells in the villages. Water policy cannot be left to the next monsoon. example.com/report?id=53&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001235364",
      "created_at": "Sat Sep 12 04:12:00 +0000 2015",
      "full_text": "Simple question: Medicine prices went up again. Cap the essential drug list &amp; enforce it. Jobs not jumlas. #Unemployment"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001243283",
      "created_at": "Mon Sep 14 21:08:00 +0000 2015",
      "full_text": "Think about this. Youth want jobs, not speeches😡 about jobs. Unemployment among graduates is at a record. Degrees are not supposed to be waiting-room tickets. Enough is enough. https://t.co/jfP82c42kQ"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001251202",
      "created_at": "Fri Sep 18 03:24:00 +0000 2015",
      "full_text": "New trains for the photo op, while general coaches stay packed like cattle wagons. Safety first means signalling and track renewal, not another flag-off ceremony. Enough is enough."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001259121",
      "created_at": "Mon Sep 21 01:54:00 +0000 2015",
      "full_text": "RT @farm_union_demo: Think about this. Scholarships for Dalit and tribal students delayed again. Delay is✊ denial. The education bu…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001267040",
      "created_at": "Mon Sep 21 07:07:00 +0000 2015",
      "full_text": "Reminder: Safety first means signalling &amp; track renewal, not 🤔🤔 another flag-off ceremony. New trains for the photo op, while general coaches stay packed like cattle wagons. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001274959",
      "created_at": "Wed Sep 23 20:42:00 +0000 2015",
      "full_text": "Ground report: Fertiliser queues😔 before sowing season tell you more about policy than any press release. We deserve better."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001282878",
      "created_at": "Wed Sep 30 04:46:00 +0000 2015",
      "full_text": "RT @farm_union_demo: Simple question: Youth want jobs, not speeches about jobs. Gig work without a minimum wage or insurance is not…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001290797",
      "created_at": "Thu Oct 01 15:47:00 +0000 2015",
      "full_text": "@NewsroomDemo Let us be honest. A legal guarantee on minimum support price is not charity, it is a promise that was made ✊✊✊ and broken. Who is answerable? https://t.co/P3hQMM9kMd"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001298716",
      "created_at": "Wed Oct 07 12:36:00 +0000 2015",
      "full_text": "जवाब दो 🤔"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001306635",
      "created_at": "Thu Oct 08 23:03:00 +0000 2015",
      "full_text": "@EduDeskDemo Ground report: District hospitals run without specialists while the health budget shrinks as a share of spending. Medicine prices went up again. Cap the 📉📉 essential drug list &amp; enforce it. The people are watching. #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001314554",
      "created_at": "Wed Oct 14 18:25:00 +0000 2015",
      "full_text": "Let us be honest. Railway recruitment exams postponed again while millions of aspirants keep studying in rented rooms. The people are watching."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001322473",
      "created_at": "Tue Oct 20 00:36:00 +0000 2015",
      "full_text": "Think about this. Safety first means signalling and track renewal, not another flag-off ceremony. Senior citizen concessions on train tickets were quietly removed. 💔💔 Bring them back. Silence is not an answer. https://t.co/fQLkcM4PjO"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001330392",
      "created_at": "Fri Oct 23 02:28:00 +0000 2015",
      "full_text": "Let us be honest. Senior citizen concessions on train tickets were quietly removed. Bring them back. Enough is enough. #EducationForAll"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001338311",
      "created_at": "Thu Oct 29 00:05:00 +0000 2015",
      "full_text": "Still waiting."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001346230",
      "created_at": "Sun Nov 01 08:50:00 +0000 2015",
      "full_text": "Once again, big loans get written off quietly while students are chased for education loan instalments. Household savings are at a low and household debt is at a high. That is the real economy."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001354149",
      "created_at": "Wed Nov 04 08:40:00 +0000 2015",
      "full_text": "Once again, cricket unites the country for three hours. It would be nice if politicians did not try to own the win. Proud of the team tonight. Now imagine if we funded girls' cricket in every district like we fund stadium names. Jobs not jumlas. https://t.co/3a1Q34N9i5 #Unemployment"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001362068",
      "created_at": "Mon Nov 09 03:49:00 +0000 2015",
      "full_text": "Proud of the team tonight. Now imagine if we funded girls' cricket in every district like we fund stadium names. Sport belongs to the fans, not to whichever minister turns up for the photo at the final. The people are watching. www.example-news.in/story/9085 Thanks @NewsroomDemo for raising this. #StandWithFarmers #PriceRise"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001369987",
      "created_at": "Tue Nov 10 17:08:00 +0000 2015",
      "full_text": "Every hike in fuel tax lands on the auto driver, the delivery boy and the farmer with a diesel pump. Cooking gas cylinder up again this month. Ask any household budget who is paying for the windfall. The people are watching. #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001377906",
      "created_at": "Tue Nov 17 09:13:00 +0000 2015",
      "full_text": "RT @student_front_demo: @NewsroomDemo Reminder: Every hike in fuel tax lands on the auto driver, the delivery boy &amp; the farmer wit…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001385825",
      "created_at": "Thu Nov 19 04:45:00 +0000 2015",
      "full_text": "Cooking gas cylinder up again this month. Ask any household budget who is paying for the windfall.😡 The people are watching."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001393744",
      "created_at": "Sat Nov 21 08:13:00 +0000 2015",
      "full_text": "Let us be honest. Demonetisation did not end black money, it ended a lot of small businesses. The GST on everyday items hurts the poor the most. Simplify it and cut it. We deserve better. Thanks @PetroDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001401663",
      "created_at": "Thu Nov 26 13:36:00 +0000 2015",
      "full_text": "किसान एकता ज़िंदाबाद 📉"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001409582",
      "created_at": "Wed Dec 02 21:07:00 +0000 2015",
      "full_text": "😡😡"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001417501",
      "created_at": "Mon Dec 07 08:21:00 +0000 2015",
      "full_text": "Laws written for farmers should be written with farmers, not announced to them. Fertiliser queues before sowing season tell you more about policy than any press release. The people are watching."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001425420",
      "created_at": "Thu Dec 10 17:08:00 +0000 2015",
      "full_text": "Fertiliser queues before sowing season tell you more about policy than any press release. t.co/Z8XZ8XYZ"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001433339",
      "created_at": "Fri Dec 11 03:54:00 +0000 2015",
      "full_text": "Great win, but the board still pays women players a fraction of the men for the same hard work. Sport belongs to the fans, not to whichever minister turns up for the photo at the final. जवाब दो"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001441258",
      "created_at": "Sun Dec 13 09:34:00 +0000 2015",
      "full_text": "@PetroDeskDemo Once again, every summer the same water crisis and every summer the same surprise from😡 the administration. The people are watching. https://t.co/MQfj06g5LQ #SaveDemocracy #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001449177",
      "created_at": "Tue Dec 15 06:25:00 +0000 2015",
      "full_text": "Once again, proud of the team tonight. Now imagine if we funded girls' cricket in every district like we fund stadium names. #StandWithFarmers #PriceRise"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001457096",
      "created_at": "Thu Dec 17 09:52:00 +0000 2015",
      "full_text": "Once again, every vote counts only if every voter can check how📉 it was counted. Give us the paper trail. Electoral bonds kept the donors secret from voters &amp; visible to the ruling party. That is not transparency."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001465015",
      "created_at": "Fri Dec 18 14:13:00 +0000 2015",
      "full_text": "Once again, two crore jobs a year🤔 was the promise. Ask any young person in a coaching town how that went. Unemployment among graduates is at a record. Degrees are not supposed to be waiting-room tickets. Who is answerable? www.example-news.in/story/9293"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001472934",
      "created_at": "Thu Dec 24 07:10:00 +0000 2015",
      "full_text": "Let us be honest. Great win, but the board still pays women players a fraction of the men for the same hard work. Sport belongs to the fans, not to whichever minister turns up for the photo at the final. Silence is not an answer. http://bit.ly/33efad"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001480853",
      "created_at": "Wed Dec 30 23:15:00 +0000 2015",
      "full_text": "Let us be honest. Unemployment among graduates is at a record. Degrees are not supposed to be waiting-room tickets. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001488772",
      "created_at": "Thu Dec 31 21:47:00 +0000 2015",
      "full_text": "Let us be honest. Anganwadi and ASHA workers held the system together in the pandemic and are still paid like volunteers. A family should not sell land to pay for one surgery. Public health care is a right. Jobs not jumlas. #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001496691",
      "created_at": "Mon Jan 04 11:29:00 +0000 2016",
      "full_text": "Once again, unemployment among graduates is at a record. Degrees are not supposed to be waiting-room tickets. Youth want jobs, not speeches about jobs. Who is answerable?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001504610",
      "created_at": "Thu Jan 07 06:05:00 +0000 2016",
      "full_text": "RT @farm_union_demo: @NewsroomDemo The education budget is still far below six percent of GDP. Our classrooms feel every missing ru…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001512529",
      "created_at": "Fri Jan 08 20:42:00 +0000 2016",
      "full_text": "So true."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001520448",
      "created_at": "Wed Jan 13 18:04:00 +0000 2016",
      "full_text": "Cricket unites the country for three hours. It would be nice if politicians did not try to own the win. The people are watching. रोज़गार कहाँ है?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001528367",
      "created_at": "Sat Jan 16 23:29:00 +0000 2016",
      "full_text": "Answer please"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001536286",
      "created_at": "Tue Jan 19 11:11:00 +0000 2016",
      "full_text": "Once again, new trains for the photo op, while general coaches stay packed like cattle wagons. Senior citizen concessions on train tickets were quietly removed. Bring them back. Jobs not jumlas. www.example-news.in/story/6347"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001544205",
      "created_at": "Fri Jan 22 14:21:00 +0000 2016",
      "full_text": "RT @student_front_demo: Government schools need teachers, toilets and libraries before they need new names. The education budget is st…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001552124",
      "created_at": "Thu Jan 28 21:49:00 +0000 2016",
      "full_text": "Answer please"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001560043",
      "created_at": "Fri Jan 29 08:15:00 +0000 2016",
      "full_text": "Laws written for farmers should be written with farmers, not announced to them. Fertiliser queues before sowing season tell you more about policy than any press release. We deserve better. http://bit.ly/f2e323"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001567962",
      "created_at": "Fri Feb 05 03:42:00 +0000 2016",
      "full_text": "Ground report: Government schools need teachers, toilets and libraries before they need new names. Enough is enough. Thanks @FinMinistryDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001575881",
      "created_at": "Sun Feb 07 18:02:00 +0000 2016",
      "full_text": "Think about this. Government schools need teachers, toilets and libraries before they need new names. Scholarships for Dalit and tribal students delayed again. Delay is🙄 denial. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001583800",
      "created_at": "Sat Feb 13 08:59:00 +0000 2016",
      "full_text": "A family should not sell land to pay for one surgery. Public health care is a right. District hospitals run without specialists while the health budget shrinks as a share of spending. Jobs not jumlas. https://t.co/chg2b17936"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001591719",
      "created_at": "Sun Feb 14 12:43:00 +0000 2016",
      "full_text": "Let us be honest. Every summer the same water crisis &amp; every summer the same surprise from the administration. The river cleaning mission has spent crores and the river is still the colour of tea. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001599638",
      "created_at": "Mon Feb 15 12:36:00 +0000 2016",
      "full_text": "Once again, youth want jobs, not speeches about jobs. Railway recruitment exams🤔 postponed again while millions of aspirants keep studying in rented rooms."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001607557",
      "created_at": "Sat Feb 20 03:30:00 +0000 2016",
      "full_text": "Think about this. The river cleaning mission has spent crores and the river is still the colour of tea. http://bit.ly/deeay3"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001615476",
      "created_at": "Sat Feb 20 18:37:00 +0000 2016",
      "full_text": "@NewsroomDemo Simple question: Growth numbers look great from a hotel in the capital and very different from a small ✊✊ shop in a district town. Demonetisation did not end black money, it ended a lot of small businesses. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001623395",
      "created_at": "Sat Feb 27 02:15:00 +0000 2016",
      "full_text": "Proud of the team tonight. Now imagine if we funded girls' cricket in every district like we fund stadium names. We deserve better."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001631314",
      "created_at": "Wed Mar 02 21:52:00 +0000 2016",
      "full_text": "RT @student_front_demo: Let us be honest. Senior💔 citizen concessions on train tickets were quietly removed. Bring them back. Safety f…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001639233",
      "created_at": "Fri Mar 04 20:54:00 +0000 2016",
      "full_text": "Let us be honest. Gig work without a minimum wage or insurance is not the future of work, it is the past with an app."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001647152",
      "created_at": "Wed Mar 09 18:08:00 +0000 2016",
      "full_text": "Once again, laws written for farmers should be written with farmers, not announced to them."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001655071",
      "created_at": "Sat Mar 12 11:07:00 +0000 2016",
      "full_text": "Think about this. Crop insurance claims sit unpaid for months while premiums are deducted on time. When the farmer loses, the whole village loses. Rural wages have been flat for years. We deserve better."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001662990",
      "created_at": "Tue Mar 15 22:29:00 +0000 2016",
      "full_text": "A fuel price rise is a price rise on vegetables, milk and bus tickets. Nobody is fooled. Petrol crossed 100 rupees a litre in my town today and the government calls it a global problem. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001670909",
      "created_at": "Mon Mar 21 01:57:00 +0000 2016",
      "full_text": "A free press ✊✊ and an independent election commission are not opposition demands, they are the constitution. Every vote counts only if every voter can check how it was counted. Give us the paper trail. We deserve better. रोज़गार कहाँ है?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001678828",
      "created_at": "Sat Mar 26 21:30:00 +0000 2016",
      "full_text": "Simple question: Scholarships for Dalit and tribal students delayed again.\n\nDelay is denial. Government schools need teachers, toilets and libraries before they need new names. We deserve better. www.example-news.in/story/8092 #PriceRise"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001686747",
      "created_at": "Fri Apr 01 11:24:00 +0000 2016",
      "full_text": "RT @econ_watch_demo: Ground report: Electoral bonds kept the donors secret from voters &amp; visible to the ruling party. That is n…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001694666",
      "created_at": "Fri Apr 01 23:46:00 +0000 2016",
      "full_text": "Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. Jobs not jumlas. example.com/report?id=48&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001702585",
      "created_at": "Fri Apr 08 04:31:00 +0000 2016",
      "full_text": "Still waiting."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001710504",
      "created_at": "Sun Apr 10 20:35:00 +0000 2016",
      "full_text": "Simple question: Big loans get written off quietly while students are chased for education loan instalments. We deserve better. example.com/report?id=86&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001718423",
      "created_at": "Fri Apr 15 05:22:00 +0000 2016",
      "full_text": "Petrol crossed 100 rupees a litre in my town today and the government calls it a global problem. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001726342",
      "created_at": "Sat Apr 16 09:28:00 +0000 2016",
      "full_text": "Campaigns should be about jobs and schools, not about whom to hate this week. Who is answerable? http://bit.ly/2dd3ze"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001734261",
      "created_at": "Thu Apr 21 05:09:00 +0000 2016",
      "full_text": "Once again, senior citizen concessions on train tickets were quietly removed. Bring them back. Who is answerable? #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001742180",
      "created_at": "Wed Apr 27 00:40:00 +0000 2016",
      "full_text": "RIP democracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001750099",
      "created_at": "Sun May 01 07:39:00 +0000 2016",
      "full_text": "Ground report: Cooking gas cylinder up again this month. Ask any household budget who is paying for the windfall. Crude is cheaper than it was last year, so why does the pump price keep climbing? We deserve better. example.com/report?id=82&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001758018",
      "created_at": "Sun May 08 02:20:00 +0000 2016",
      "full_text": "Let us be honest. The education budget is still far below six percent of GDP. Our classrooms feel every missing📉 rupee. Scholarships for Dalit &amp; tribal students delayed again. Delay is denial. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001765937",
      "created_at": "Sat May 14 10:41:00 +0000 2016",
      "full_text": "Once again, the GST on everyday items hurts the poor the most. Simplify it and cut it. Demonetisation did not end black money, it ended a lot of small businesses. #PriceRise #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001773856",
      "created_at": "Tue May 17 14:40:00 +0000 2016",
      "full_text": "Scholarships for Dalit and tribal students delayed again. Delay is denial. Silence is not an answer. #FuelPriceHike #AskTheGovt रोज़गार कहाँ है?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001781775",
      "created_at": "Thu May 19 03:49:00 +0000 2016",
      "full_text": "Simple question: Every vote counts only if every voter can check how it was counted. Give😔 us the paper trail. Ten years of slogans and the manifesto still has the same unfinished promises. #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001789694",
      "created_at": "Sat May 21 23:06:00 +0000 2016",
      "full_text": "Fertiliser queues before sowing season tell you more about policy than any press release. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001797613",
      "created_at": "Wed May 25 17:47:00 +0000 2016",
      "full_text": "RT @farm_union_demo: Petrol crossed 100 rupees a litre in my town today &amp; the government calls it a global problem. A fuel pric…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001805532",
      "created_at": "Mon May 30 04:23:00 +0000 2016",
      "full_text": "Big loans get written off quietly while students are chased for education loan instalments. We deserve better."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001813451",
      "created_at": "Thu Jun 02 16:39:00 +0000 2016",
      "full_text": "Proud of the team tonight. Now imagine if we funded girls' cricket in every district like we fund stadium names. Sport belongs to the fans, not to whichever minister turns up for the photo at the final. The people are watching. www.example-news.in/story/9085 Thanks @NewsroomDemo for raising this. #StandWithFarmers #PriceRise"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001821370",
      "created_at": "Sat Jun 04 12:04:00 +0000 2016",
      "full_text": "Think 💔💔 about this. Medicine prices went up again. Cap the essential drug list &amp; enforce it. A family should not sell land to pay for one surgery. Public health care is a right."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001829289",
      "created_at": "Thu Jun 09 13:33:00 +0000 2016",
      "full_text": "किसान एकता ज़िंदाबाद 💔"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001837208",
      "created_at": "Mon Jun 13 02:15:00 +0000 2016",
      "full_text": "Medicine prices went up again. Cap the essential drug list and enforce it. A family should not sell land to pay for one surgery. Public health care is a right. Jobs not jumlas. t.co/ZYbYZYcb"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001845127",
      "created_at": "Wed Jun 15 12:33:00 +0000 2016",
      "full_text": "Let us be honest. Electoral bonds kept the donors secret from voters and visible to the ruling party. That is not transparency. Jobs not jumlas. t.co/7abX7bZY"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001853046",
      "created_at": "Sun Jun 19 04:42:00 +0000 2016",
      "full_text": "Great win, but the board still pays women players a fraction of the men for the same hard work. Sport belongs to the fans, not to whichever minister turns up for the 💔 photo at the final. Ask questions. Keep asking. example.com/report?id=28&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001860965",
      "created_at": "Thu Jun 23 23:30:00 +0000 2016",
      "full_text": "Reminder: Youth want jobs, not speeches about😔 jobs."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001868884",
      "created_at": "Wed Jun 29 22:27:00 +0000 2016",
      "full_text": "Answer please"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001876803",
      "created_at": "Sat Jul 02 14:02:00 +0000 2016",
      "full_text": "Still waiting."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001884722",
      "created_at": "Tue Jul 05 09:42:00 +0000 2016",
      "full_text": "Reminder: A free press and an independent election commission are not opposition demands, they are the constitution. Every vote counts only if every voter can check how it was counted. Give us the paper trail. 😡😡😡 Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001892641",
      "created_at": "Mon Jul 11 08:05:00 +0000 2016",
      "full_text": "RIP democracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001900560",
      "created_at": "Sat Jul 16 14:17:00 +0000 2016",
      "full_text": "Who pays?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001908479",
      "created_at": "Mon Jul 18 20:52:00 +0000 2016",
      "full_text": "RT @student_front_demo: Farmers have waited at the border through winter &amp; summer. The least the state owes them is a hearing. Cro…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001916398",
      "created_at": "Mon Jul 18 23:15:00 +0000 2016",
      "full_text": "Ground report: When the farmer loses, the whole village loses. Rural wages have been flat for years. A legal guarantee on minimum support price is not charity, it is a promise that was made and broken."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001924317",
      "created_at": "Thu Jul 21 20:19:00 +0000 2016",
      "full_text": "When the farmer loses, the whole village loses. Rural wages have been flat for years."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001932236",
      "created_at": "Mon Jul 25 21:55:00 +0000 2016",
      "full_text": "So true."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001940155",
      "created_at": "Thu Jul 28 20:20:00 +0000 2016",
      "full_text": "Once again, every vote counts only if every voter can check how it was counted. Give us the paper trail. Enough is enough."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001948074",
      "created_at": "Thu Aug 04 16:35:00 +0000 2016",
      "full_text": "Inflation is a tax on the people who have the least, &amp; it has been high for far too long. The GST on everyday items hurts the poor the most. Simplify it and cut it."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001955993",
      "created_at": "Sun Aug 07 00:44:00 +0000 2016",
      "full_text": "The river cleaning mission has spent crores and the river is still the colour of tea. Every summer the same water crisis and every summer the same surprise from the administration. example.com/report?id=46&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001963912",
      "created_at": "Sun Aug 07 09:00:00 +0000 2016",
      "full_text": "RIP democracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001971831",
      "created_at": "Mon Aug 08 22:20:00 +0000 2016",
      "full_text": "Tankers in the city, dry wells in the villages. Water policy cannot be left to the next monsoon."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001979750",
      "created_at": "Wed Aug 10 11:28:00 +0000 2016",
      "full_text": "So true."
    }
  },
  {
    "tweet": {
      "id_str": "460000000001987669",
      "created_at": "Sat Aug 13 08:03:00 +0000 2016",
      "full_text": "Once again, a fuel price rise is a price rise on vegetables, milk and bus tickets. Nobody is fooled. The people are watching. किसान एकता ज़िंदाबाद"
    }
  },
  {
    "tweet": {
      "id_str": "460000000001995588",
      "created_at": "Mon Aug 15 08:53:00 +0000 2016",
      "full_text": "Exactly!"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002003507",
      "created_at": "Fri Aug 19 10:09:00 +0000 2016",
      "full_text": "Reminder: Ten years of slogans and the manifesto still has the same unfinished promises. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002011426",
      "created_at": "Sat Aug 20 05:57:00 +0000 2016",
      "full_text": "Shameful."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002019345",
      "created_at": "Mon Aug 22 19:44:00 +0000 2016",
      "full_text": "Let us be honest. Scholarships for Dalit &amp; tribal students delayed again. Delay is denial. Fee hikes at public universities push out exactly the students those📉 universities were built for. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002027264",
      "created_at": "Thu Aug 25 08:10:00 +0000 2016",
      "full_text": "Let us be honest. Railway recruitment exams postponed again while millions of aspirants keep studying in rented rooms. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002035183",
      "created_at": "Wed Aug 31 10:52:00 +0000 2016",
      "full_text": "@PetroDeskDemo Unemployment among graduates is at a record. Degrees are not supposed to be waiting-room tickets. Railway recruitment exams postponed again while millions of aspirants keep studying in rented rooms. Jobs not jumlas. https://t.co/j1Qk343OPh"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002043102",
      "created_at": "Sat Sep 03 00:03:00 +0000 2016",
      "full_text": "Cricket unites the country for three hours. It would be nice if politicians did not try to own the win. We deserve better. http://bit.ly/1f3bfx"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002051021",
      "created_at": "Tue Sep 06 04:41:00 +0000 2016",
      "full_text": "Let us be honest. Crude is cheaper than it was last year, so why does the pump price keep climbing?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002058940",
      "created_at": "Mon Sep 12 18:53:00 +0000 2016",
      "full_text": "RT @farm_union_demo: Fertiliser😔 queues before sowing season tell you more about policy than any press release.…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002066859",
      "created_at": "Tue Sep 13 23:07:00 +0000 2016",
      "full_text": "Once again, go out &amp; vote. Take your neighbour. Silence is exactly what they are counting on. We deserve better. t.co/77b9c7ba"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002074778",
      "created_at": "Tue Sep 20 07:27:00 +0000 2016",
      "full_text": "Answer please"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002082697",
      "created_at": "Tue Sep 20 09:30:00 +0000 2016",
      "full_text": "RT @farm_union_demo: @NewsroomDemo Ground report: The river cleaning mission has spent crores &amp; the river is still the colour o…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002090616",
      "created_at": "Mon Sep 26 07:27:00 +0000 2016",
      "full_text": "Reminder: Teach history with all its chapters,🤔 not only the ones that suit the party in power. The education budget is still far below six percent of GDP. Our classrooms feel every missing rupee. Jobs not jumlas. www.example-news.in/story/2303"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002098535",
      "created_at": "Sat Oct 01 08:23:00 +0000 2016",
      "full_text": "Let us be honest. Fee hikes at public universities push out exactly the students those universities were built for. Government schools need teachers, toilets and libraries before they need new names. Ask questions.💔 Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002106454",
      "created_at": "Wed Oct 05 19:50:00 +0000 2016",
      "full_text": "Once again, district hospitals run without specialists while the health budget shrinks as a share of spending. We deserve better. http://bit.ly/fyaazf"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002114373",
      "created_at": "Tue Oct 11 13:38:00 +0000 2016",
      "full_text": "RT @farm_union_demo: @NewsroomDemo Simple question: Safety✊ first means signalling and track renewal, not another flag-off ceremony…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002122292",
      "created_at": "Tue Oct 18 11:12:00 +0000 2016",
      "full_text": "Think about this. Medicine prices went up again. Cap the essential drug list and enforce it. District hospitals run without specialists while the health budget shrinks as a share of spending. Thanks @NewsroomDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002130211",
      "created_at": "Sun Oct 23 03:33:00 +0000 2016",
      "full_text": "Sad."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002138130",
      "created_at": "Tue Oct 25 10:35:00 +0000 2016",
      "full_text": "So true."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002146049",
      "created_at": "Thu Oct 27 20:15:00 +0000 2016",
      "full_text": "Reminder: Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. Railway recruitment exams postponed again while millions of aspirants🙄 keep studying in rented rooms. Thanks @FinMinistryDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002153968",
      "created_at": "Sun Oct 30 14:35:00 +0000 2016",
      "full_text": "Think about this. Sport belongs to the fans, not to whichever minister turns up for the photo at the final. Proud of the team tonight. Now imagine if we funded girls' cricket in every district like we fund stadium names. The people are watching."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002161887",
      "created_at": "Fri Nov 04 02:49:00 +0000 2016",
      "full_text": "किसान एकता ज़िंदाबाद ✊"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002169806",
      "created_at": "Thu Nov 10 01:35:00 +0000 2016",
      "full_text": "So true."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002177725",
      "created_at": "Sun Nov 13 13:43:00 +0000 2016",
      "full_text": "Ground report: Youth want jobs, not speeches about jobs. Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002185644",
      "created_at": "Fri Nov 18 04:01:00 +0000 2016",
      "full_text": "Reminder: District hospitals run without specialists while the health budget shrinks as a share of spending. Anganwadi and ASHA workers held 🙄🙄🙄 the system together in the pandemic and are still paid like volunteers. Ask questions. Keep asking. https://t.co/83dc99je4d Thanks @RailDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002193563",
      "created_at": "Sat Nov 19 09:37:00 +0000 2016",
      "full_text": "Simple question: A fuel price rise is a price rise on vegetables, milk and bus tickets. Nobody is fooled. Crude is cheaper than it was last year, so why does the pump price keep climbing? Silence is not an answer. http://bit.ly/1d2yf2"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002201482",
      "created_at": "Sun Nov 20 14:45:00 +0000 2016",
      "full_text": "Let us be honest.\n\nHousehold savings are at a low and household debt is at a high. That is the real economy."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002209401",
      "created_at": "Thu Nov 24 00:30:00 +0000 2016",
      "full_text": "Ground report: Household savings are at a low and household debt is at a high. That is the real economy. #Unemployment #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002217320",
      "created_at": "Sat Nov 26 13:32:00 +0000 2016",
      "full_text": "Exactly!"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002225239",
      "created_at": "Tue Nov 29 08:59:00 +0000 2016",
      "full_text": "So true."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002233158",
      "created_at": "Thu Dec 01 21:14:00 +0000 2016",
      "full_text": "Simple question: A legal guarantee on minimum support price is not charity, it is a promise that was made and broken. Silence is not an answer. https://t.co/baaf4jbagd"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002241077",
      "created_at": "Fri Dec 02 00:10:00 +0000 2016",
      "full_text": "Let us be honest. Big loans get written off quietly while students are chased for education loan instalments. #JobsNow #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002248996",
      "created_at": "Wed Dec 07 16:21:00 +0000 2016",
      "full_text": "Reminder: Safety first means signalling and track renewal, not another flag-off ceremony."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002256915",
      "created_at": "Wed Dec 14 08:08:00 +0000 2016",
      "full_text": "Reminder: Proud of the team tonight. Now imagine if we funded girls' cricket in every district like we fund stadium names. We deserve better. https://t.co/aMhbd7hPdN"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002264834",
      "created_at": "Sat Dec 17 00:24:00 +0000 2016",
      "full_text": "RT @student_front_demo: Every hike in fuel tax lands on the auto driver, the delivery boy and the farmer with a diesel pump. t.co/7YX7…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002272753",
      "created_at": "Thu Dec 22 18:17:00 +0000 2016",
      "full_text": "New trains for the photo op, while general coaches stay packed like cattle wagons. Enough is enough. Thanks @PetroDeskDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002280672",
      "created_at": "Tue Dec 27 05:06:00 +0000 2016",
      "full_text": "Simple question: Safety first means signalling and track renewal, not another flag-off ceremony. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002288591",
      "created_at": "Sun Jan 01 15:26:00 +0000 2017",
      "full_text": "Think about this. Safety first means signalling and track renewal, not another flag-off ceremony. Senior citizen concessions on train tickets were quietly removed. Bring them back. Silence is not an answer. #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002296510",
      "created_at": "Sat Jan 07 14:06:00 +0000 2017",
      "full_text": "Petrol crossed 100 rupees a litre in my town today and the government calls it a global problem. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002304429",
      "created_at": "Mon Jan 09 13:33:00 +0000 2017",
      "full_text": "Every vote counts only if every voter 📉📉📉 can check how it was counted. Give us the paper trail. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002312348",
      "created_at": "Fri Jan 13 19:18:00 +0000 2017",
      "full_text": "@PetroDeskDemo Once again, every summer the same water crisis and every summer the same surprise from😡 the administration. The people are watching. https://t.co/MQfj06g5LQ #SaveDemocracy #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002320267",
      "created_at": "Tue Jan 17 14:54:00 +0000 2017",
      "full_text": "Simple question: Every hike in fuel tax lands on the auto driver, the delivery boy &amp; the farmer with a diesel pump. Enough is ✊ enough."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002328186",
      "created_at": "Tue Jan 24 01:37:00 +0000 2017",
      "full_text": "@EduDeskDemo Think about this. Senior citizen concessions on train tickets were quietly removed. Bring them back. Safety first means signalling and track renewal, not another flag-off ceremony. The people are watching."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002336105",
      "created_at": "Tue Jan 24 15:52:00 +0000 2017",
      "full_text": "Once again, inflation is a tax on the people who have the least, and it has been high for far too long. Household savings are at a low and household debt is at a high. That is the real economy. The people are watching. #EducationForAll #StandWithFarmers"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002344024",
      "created_at": "Fri Jan 27 01:43:00 +0000 2017",
      "full_text": "@FinMinistryDemo ✊✊✊ A family should not sell land to pay for one surgery. Public health care is a right. Enough is enough. example.com/report?id=48&amp;src=tw #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002351943",
      "created_at": "Sat Jan 28 00:03:00 +0000 2017",
      "full_text": "Reminder: Every vote counts only if every voter can check how it was counted. Give us the paper trail. #AskTheGovt"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002359862",
      "created_at": "Sat Jan 28 16:47:00 +0000 2017",
      "full_text": "@NewsroomDemo Growth numbers look great from a hotel in the capital and very different from a small shop in a district town. Household savings are at a low and household debt is at a high. That is the real economy. Silence is not an answer. t.co/bcX897bZ"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002367781",
      "created_at": "Thu Feb 02 18:40:00 +0000 2017",
      "full_text": "Simple question: Go out and vote. Take your neighbour. Silence is exactly what they are counting on."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002375700",
      "created_at": "Thu Feb 09 02:03:00 +0000 2017",
      "full_text": "Once again, anganwadi and ASHA workers held the system together in the pandemic and are still paid like volunteers. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002383619",
      "created_at": "Tue Feb 14 14:51:00 +0000 2017",
      "full_text": "RT @opposition_voice: Ground report: Growth numbers look great from a hotel in the capital and very different from a small shop🙄 in…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002391538",
      "created_at": "Sat Feb 18 12:07:00 +0000 2017",
      "full_text": "जवाब दो 🙄"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002399457",
      "created_at": "Thu Feb 23 13:01:00 +0000 2017",
      "full_text": "😡😡"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002407376",
      "created_at": "Fri Feb 24 07:59:00 +0000 2017",
      "full_text": "Ground report: The river cleaning mission has spent crores and the river is still the colour of tea. Ask questions. Keep asking. #PriceRise #Unemployment"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002415295",
      "created_at": "Tue Feb 28 23:58:00 +0000 2017",
      "full_text": "They collect record excise on fuel and still cannot tell us where the money went. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002423214",
      "created_at": "Wed Mar 01 04:05:00 +0000 2017",
      "full_text": "So true."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002431133",
      "created_at": "Mon Mar 06 11:34:00 +0000 2017",
      "full_text": "Demonetisation did not end black money, it ended a lot of small businesses. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002439052",
      "created_at": "Thu Mar 09 17:07:00 +0000 2017",
      "full_text": "Once again, fee hikes at public universities push out exactly the students those universities were built for. Who is answerable?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002446971",
      "created_at": "Tue Mar 14 12:35:00 +0000 2017",
      "full_text": "Railway recruitment exams postponed again while millions of aspirants keep studying in rented rooms. Who is answerable? #PriceRise #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002454890",
      "created_at": "Thu Mar 16 21:56:00 +0000 2017",
      "full_text": "Simple question: 💔 Growth numbers look great from a hotel in the capital and very different from a small shop in a district town. #JobsNow #EducationForAll जवाब दो"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002462809",
      "created_at": "Sat Mar 18 00:57:00 +0000 2017",
      "full_text": "@PetroDeskDemo Think about this. Demonetisation did not end black money, it ended a lot of small businesses. Silence is not an answer. #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002470728",
      "created_at": "Sun Mar 19 18:38:00 +0000 2017",
      "full_text": "Once again, fee hikes at public universities push out exactly the students those universities were built for. Paper leaks in exam after exam and lakhs of students pay for it 🙄🙄 with a lost year. Enough is enough."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002478647",
      "created_at": "Tue Mar 21 10:20:00 +0000 2017",
      "full_text": "Government schools need teachers, toilets and libraries before they need new names. Enough is enough. #AskTheGovt #EducationForAll"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002486566",
      "created_at": "Thu Mar 23 23:17:00 +0000 2017",
      "full_text": "Crude is cheaper than it was last year, so why does 😔😔 the pump price keep climbing? #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002494485",
      "created_at": "Wed Mar 29 14:53:00 +0000 2017",
      "full_text": "Reminder: The GST on everyday items hurts the poor the most.\n\nSimplify it and cut it. Enough is enough."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002502404",
      "created_at": "Thu Mar 30 09:43:00 +0000 2017",
      "full_text": "रोज़गार कहाँ है? 🙄"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002510323",
      "created_at": "Wed Apr 05 03:45:00 +0000 2017",
      "full_text": "@RailDeskDemo Let us be honest. Great win, but the board still pays women players a fraction of the men for the same hard work. t.co/7bbY88a9"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002518242",
      "created_at": "Tue Apr 11 04:10:00 +0000 2017",
      "full_text": "Once again, the river cleaning mission has spent crores and the river is still the colour of tea. The people are watching."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002526161",
      "created_at": "Mon Apr 17 21:06:00 +0000 2017",
      "full_text": "Once again, a free press and an independent election commission are not opposition demands, they are the constitution. Go out and vote. Take your neighbour. Silence is exactly what they are counting on. https://t.co/08O41fc1P8"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002534080",
      "created_at": "Sun Apr 23 00:02:00 +0000 2017",
      "full_text": "Simple question: The river cleaning mission has spent crores &amp; the river is still the colour of tea. Tankers in the city, dry wells in the villages. Water policy cannot be left to the next monsoon. t.co/Zc7a8cX9"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002541999",
      "created_at": "Sun Apr 23 20:36:00 +0000 2017",
      "full_text": "Once again, ✊ gig work without a minimum wage or insurance is not the future of work, it is the past with an app. Who is answerable?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002549918",
      "created_at": "Tue Apr 25 18:15:00 +0000 2017",
      "full_text": "महंगाई बहुत है 😡"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002557837",
      "created_at": "Tue May 02 15:44:00 +0000 2017",
      "full_text": "Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. Jobs not jumlas. example.com/report?id=48&amp;src=tw"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002565756",
      "created_at": "Mon May 08 10:52:00 +0000 2017",
      "full_text": "Petrol crossed 100 rupees a litre in my town today and the government calls it a global problem. Every hike in fuel tax lands on the auto driver, the delivery boy and the farmer 😡😡😡 with a diesel pump. Enough is enough."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002573675",
      "created_at": "Thu May 11 11:24:00 +0000 2017",
      "full_text": "RT @econ_watch_demo: Simple question: Fee hikes at public universities😔 push out exactly the students those universities were built…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002581594",
      "created_at": "Fri May 12 06:08:00 +0000 2017",
      "full_text": "Safety first means signalling and track renewal, not another flag-off ceremony. New trains for the photo op, while general coaches 💔 stay packed like cattle wagons. www.example-news.in/story/4817 #EducationForAll"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002589513",
      "created_at": "Mon May 15 11:00:00 +0000 2017",
      "full_text": "Who pays?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002597432",
      "created_at": "Wed May 17 02:16:00 +0000 2017",
      "full_text": "@FinMinistryDemo Let us be honest. Safety first means signalling and track renewal, not another flag-off ceremony. Enough is enough."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002605351",
      "created_at": "Wed May 17 09:21:00 +0000 2017",
      "full_text": "Railway recruitment exams postponed again while millions of aspirants keep studying in 😔😔😔 rented rooms. Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. #PriceRise"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002613270",
      "created_at": "Tue May 23 21:06:00 +0000 2017",
      "full_text": "New trains for the photo op, while general coaches stay packed like cattle wagons. Senior citizen concessions on train tickets were quietly removed. Bring them 🙄🙄 back. We deserve better. http://bit.ly/zafdze Thanks @EduDeskDemo for raising this. #Unemployment #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002621189",
      "created_at": "Thu May 25 17:37:00 +0000 2017",
      "full_text": "Cricket unites the country for three hours. It would be nice if politicians did not try to own the win. t.co/ZZXaYb7Z"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002629108",
      "created_at": "Mon May 29 15:59:00 +0000 2017",
      "full_text": "Simple question: When the farmer loses, the whole village loses. Rural wages have been flat for years."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002637027",
      "created_at": "Sat Jun 03 22:57:00 +0000 2017",
      "full_text": "Reminder: Every summer the same water crisis and every summer the same surprise from the administration.\n\nThe people are watching. #JobsNow #PriceRise 💔💔💔"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002644946",
      "created_at": "Sun Jun 04 02:23:00 +0000 2017",
      "full_text": "RT @student_front_demo: Ground report: Petrol crossed 100 rupees a litre in my town today and the government calls it a global problem…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002652865",
      "created_at": "Fri Jun 09 14:20:00 +0000 2017",
      "full_text": "Think about this. A family should not sell land to pay for one surgery. Public health care is a right. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002660784",
      "created_at": "Fri Jun 16 01:33:00 +0000 2017",
      "full_text": "Government schools need teachers, toilets and libraries before they need new names. Enough is enough. महंगाई बहुत है"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002668703",
      "created_at": "Mon Jun 19 00:41:00 +0000 2017",
      "full_text": "Let us be honest. Senior citizen concessions on train tickets were quietly removed. Bring them back. The people are watching. 🙄🙄 #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002676622",
      "created_at": "Sun Jun 25 16:59:00 +0000 2017",
      "full_text": "किसान एकता ज़िंदाबाद 😡"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002684541",
      "created_at": "Thu Jun 29 01:15:00 +0000 2017",
      "full_text": "Gig work without a minimum wage or insurance 😔😔 is not the future of work, it is the past with an app. http://bit.ly/32cccb"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002692460",
      "created_at": "Wed Jul 05 02:12:00 +0000 2017",
      "full_text": "Unemployment among graduates is at a record. Degrees are not supposed to be waiting-room tickets. Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. #StandWithFarmers"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002700379",
      "created_at": "Wed Jul 05 14:34:00 +0000 2017",
      "full_text": "@EduDeskDemo Once again, every hike in fuel tax lands on the auto driver, the delivery boy &amp; the farmer with a diesel pump. They collect record excise on fuel and still cannot tell us where the money went. http://bit.ly/x2cx31"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002708298",
      "created_at": "Thu Jul 06 16:46:00 +0000 2017",
      "full_text": "Ground report: Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. Railway recruitment exams postponed again while millions of aspirants keep studying in rented rooms."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002716217",
      "created_at": "Fri Jul 07 12:15:00 +0000 2017",
      "full_text": "Think about this. Paper leaks in exam after exam and lakhs of students pay for it with a lost year. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002724136",
      "created_at": "Wed Jul 12 01:15:00 +0000 2017",
      "full_text": "Think about this.\n\nA family should not sell land to pay for one surgery. Public health care is a right. #AskTheGovt #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002732055",
      "created_at": "Fri Jul 14 03:23:00 +0000 2017",
      "full_text": "Reminder: Growth numbers look great from a hotel in the capital and very different from a small shop in a district town. Silence💔 is not an answer. #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002739974",
      "created_at": "Sun Jul 16 13:45:00 +0000 2017",
      "full_text": "Ground report: 💔💔💔 Senior citizen concessions on train tickets were quietly removed. Bring them back. Enough is enough."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002747893",
      "created_at": "Tue Jul 18 23:33:00 +0000 2017",
      "full_text": "Reminder: What a chase! The young opener played like he had nothing to prove and everything to enjoy. t.co/a9ba8Y9a"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002755812",
      "created_at": "Tue Jul 25 14:43:00 +0000 2017",
      "full_text": "Let us be honest. Crop insurance claims sit unpaid for months 🤔 while premiums are deducted on time. Laws written for farmers should be written with farmers, not announced to them. Ask questions. Keep asking. t.co/99bZaaYY"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002763731",
      "created_at": "Tue Jul 25 21:35:00 +0000 2017",
      "full_text": "Ground report: Every summer the same water crisis and every summer the same😡 surprise from the administration. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002771650",
      "created_at": "Sat Jul 29 07:09:00 +0000 2017",
      "full_text": "Once again, safety first means signalling &amp; track renewal, not another flag-off ceremony. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002779569",
      "created_at": "Thu Aug 03 18:36:00 +0000 2017",
      "full_text": "RT @farm_union_demo: Reminder: The river cleaning mission has spent crores &amp; the river is still the colour of tea. We deserve b…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002787488",
      "created_at": "Thu Aug 10 10:03:00 +0000 2017",
      "full_text": "Ground report: New trains for the photo op, while general coaches stay packed like cattle wagons. Senior citizen concessions on train tickets were quietly removed. Bring them back."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002795407",
      "created_at": "Sun Aug 13 13:00:00 +0000 2017",
      "full_text": "Once again, senior citizen concessions on train tickets were quietly removed. Bring them back. The people are watching. http://bit.ly/dzf221 #FuelPriceHike #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002803326",
      "created_at": "Mon Aug 14 17:55:00 +0000 2017",
      "full_text": "जवाब दो ✊"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002811245",
      "created_at": "Fri Aug 18 04:22:00 +0000 2017",
      "full_text": "Let us be honest. Every summer the same water crisis and every summer the same surprise from the administration. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002819164",
      "created_at": "Sat Aug 19 02:49:00 +0000 2017",
      "full_text": "@EduDeskDemo Ground report: When the farmer loses, the whole village loses. Rural wages have been flat for years. Farmers have waited at the border through winter and summer. The least the state owes them is a hearing. Ask questions. Keep 😔😔 asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002827083",
      "created_at": "Wed Aug 23 08:20:00 +0000 2017",
      "full_text": "Simple question: New trains for the photo op, while general coaches stay packed 😔😔😔 like cattle wagons. http://bit.ly/xfcczc"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002835002",
      "created_at": "Sat Aug 26 18:31:00 +0000 2017",
      "full_text": "Once again, every hike in fuel tax lands on the auto driver, the delivery boy and the farmer with a diesel pump. Cooking gas cylinder up again this month. Ask any household budget who is paying for the windfall. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002842921",
      "created_at": "Fri Sep 01 06:48:00 +0000 2017",
      "full_text": "Let us be honest. Unemployment among graduates is at a record. Degrees are not supposed to be waiting-room tickets. Youth want jobs, not speeches about jobs. www.example-news.in/story/5080 #SaveDemocracy #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002850840",
      "created_at": "Thu Sep 07 02:33:00 +0000 2017",
      "full_text": "@RailDeskDemo Once again, anganwadi and ASHA workers held the system together in the pandemic and are still paid like volunteers. The people are watching. रोज़गार कहाँ है?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002858759",
      "created_at": "Tue Sep 12 15:28:00 +0000 2017",
      "full_text": "Let us be honest. Railway recruitment exams postponed again while millions of aspirants keep studying in rented rooms. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002866678",
      "created_at": "Fri Sep 15 21:07:00 +0000 2017",
      "full_text": "Once again, what a chase! The young opener played like he had nothing to prove and everything to enjoy. Jobs not jumlas. t.co/7aY87aXY"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002874597",
      "created_at": "Tue Sep 19 21:22:00 +0000 2017",
      "full_text": "Think about this. Cricket unites the country for three hours. It would be nice if politicians did not try to own the win. Sport belongs to the fans, not to whichever minister turns up for the photo at the final. example.com/report?id=32&amp;src=tw Thanks @NewsroomDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002882516",
      "created_at": "Thu Sep 21 03:41:00 +0000 2017",
      "full_text": "RT @farm_union_demo: Ground report: Tankers in the city, dry wells in the villages. Water policy cannot be left to the next monsoon…"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002890435",
      "created_at": "Thu Sep 21 08:24:00 +0000 2017",
      "full_text": "Ground report: Safety first means signalling and track renewal, not another flag-off ceremony. The people are watching. #Unemployment"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002898354",
      "created_at": "Sun Sep 24 19:47:00 +0000 2017",
      "full_text": "Let us be honest. Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. We deserve better. Thanks @FinMinistryDemo for raising this. #PriceRise #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002906273",
      "created_at": "Tue Sep 26 01:49:00 +0000 2017",
      "full_text": "Think about this. Teach history with all its chapters, not only the ones that suit the party in power. The people are watching. #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002914192",
      "created_at": "Mon Oct 02 22:46:00 +0000 2017",
      "full_text": "Simple question: Crop insurance claims sit unpaid for months while premiums are deducted on time.\n\nThe people are watching. t.co/888778cZ Thanks @FinMinistryDemo for raising this."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002922111",
      "created_at": "Mon Oct 09 01:57:00 +0000 2017",
      "full_text": "Reminder: Great win, but the board still pays women players a fraction of the men for😔 the same hard work. #AskTheGovt #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002930030",
      "created_at": "Wed Oct 11 19:20:00 +0000 2017",
      "full_text": "Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. Railway recruitment exams postponed again while millions of aspirants keep studying in rented rooms."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002937949",
      "created_at": "Sun Oct 15 15:29:00 +0000 2017",
      "full_text": "Laws written for farmers should be written with farmers, not announced to them. किसान एकता ज़िंदाबाद"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002945868",
      "created_at": "Fri Oct 20 13:45:00 +0000 2017",
      "full_text": "Think about this. A family should not sell land to pay for💔 one surgery. Public health care is a right. Who is answerable? #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002953787",
      "created_at": "Wed Oct 25 21:29:00 +0000 2017",
      "full_text": "Ground report: Growth numbers look great from a hotel in the capital and very different from a small shop in a district town. We deserve better. #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002961706",
      "created_at": "Fri Oct 27 15:03:00 +0000 2017",
      "full_text": "Think about this. Every vote counts only if every voter can check how it was counted. Give us the paper trail. Ten years of slogans and the manifesto still has the same unfinished promises. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002969625",
      "created_at": "Fri Oct 27 17:41:00 +0000 2017",
      "full_text": "Once again, a fuel price rise is a price rise on vegetables, milk and bus tickets. Nobody is fooled. We deserve better. महंगाई बहुत है"
    }
  },
  {
    "tweet": {
      "id_str": "460000000002977544",
      "created_at": "Wed Nov 01 04:47:00 +0000 2017",
      "full_text": "Petrol crossed 100 rupees a litre in my town today and the government calls it ✊✊✊ a global problem. We deserve better."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002985463",
      "created_at": "Wed Nov 01 15:09:00 +0000 2017",
      "full_text": "Unemployment among graduates is at a record. Degrees are not supposed to be waiting-room tickets."
    }
  },
  {
    "tweet": {
      "id_str": "460000000002993382",
      "created_at": "Thu Nov 02 06:45:00 +0000 2017",
      "full_text": "@EduDeskDemo Gig work without a minimum wage or insurance is not the future of work, it is the past with an app. Ask questions. Keep asking."
    }
  },
  {
    "tweet": {
      "id_str": "460000000003001301",
      "created_at": "Wed Nov 08 15:30:00 +0000 2017",
      "full_text": "Simple question: Youth want jobs, not speeches about jobs. Who is answerable? Thanks @EduDeskDemo for raising this. #StandWithFarmers #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000003009220",
      "created_at": "Sun Nov 12 10:52:00 +0000 2017",
      "full_text": "Reminder: The river cleaning mission has spent crores and the river is still the colour of tea. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000003017139",
      "created_at": "Sat Nov 18 02:12:00 +0000 2017",
      "full_text": "Simple question: Every vote counts only if every voter can check how it was counted. Give us the paper trail. t.co/b9bZZZXc"
    }
  },
  {
    "tweet": {
      "id_str": "460000000003025058",
      "created_at": "Mon Nov 20 16:39:00 +0000 2017",
      "full_text": "Great win, but the board still pays women players a fraction of the men for the same hard work. Who is answerable? https://t.co/ecN3P7ki5L #Unemployment #StandWithFarmers रोज़गार कहाँ है?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000003032977",
      "created_at": "Tue Nov 21 02:21:00 +0000 2017",
      "full_text": "Think about this. Great win, but the board still pays women players a fraction of the men for the same hard work. Ask questions. Keep asking. http://bit.ly/3eb1ad"
    }
  },
  {
    "tweet": {
      "id_str": "460000000003040896",
      "created_at": "Thu Nov 23 03:10:00 +0000 2017",
      "full_text": "Ground report: Youth want jobs, not speeches about jobs. Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. #JobsNow"
    }
  },
  {
    "tweet": {
      "id_str": "460000000003048815",
      "created_at": "Fri Nov 24 04:40:00 +0000 2017",
      "full_text": "Ground report: When the farmer loses, the whole village loses. Rural wages have been flat for years. www.example-news.in/story/4910"
    }
  },
  {
    "tweet": {
      "id_str": "460000000003056734",
      "created_at": "Mon Nov 27 23:42:00 +0000 2017",
      "full_text": "Every summer the same water crisis and every summer the same surprise from the administration. Tankers in the city, dry wells in the villages. Water policy cannot be left to the next monsoon. www.example-news.in/story/2487 #PriceRise #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000003064653",
      "created_at": "Sat Dec 02 12:44:00 +0000 2017",
      "full_text": "Reminder: A free press and an independent election commission are not opposition demands, they are the constitution. Enough is enough."
    }
  },
  {
    "tweet": {
      "id_str": "460000000003072572",
      "created_at": "Thu Dec 07 18:33:00 +0000 2017",
      "full_text": "Gig work without a minimum wage or insurance is not the future of work, it😔 is the past with an app. Two crore jobs a year was the promise. Ask any young person in a coaching town how that went. Jobs not jumlas."
    }
  },
  {
    "tweet": {
      "id_str": "460000000003080491",
      "created_at": "Fri Dec 08 20:34:00 +0000 2017",
      "full_text": "Big loans get written off quietly while students are chased for education loan instalments. Enough is enough. #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000003088410",
      "created_at": "Wed Dec 13 08:33:00 +0000 2017",
      "full_text": "Ground report: Crude is cheaper than it was last year, so why does the pump price keep climbing? We deserve better. example.com/report?id=82&amp;src=tw महंगाई बहुत है"
    }
  },
  {
    "tweet": {
      "id_str": "460000000003096329",
      "created_at": "Thu Dec 14 00:41:00 +0000 2017",
      "full_text": "Once again, demonetisation did not end black money, it ended a lot of small businesses. The GST on everyday items hurts the poor the most. Simplify it and cut it. Silence is not an answer. t.co/8Xa9ZXaZ"
    }
  },
  {
    "tweet": {
      "id_str": "460000000003104248",
      "created_at": "Fri Dec 15 01:51:00 +0000 2017",
      "full_text": "Reminder: New trains for the photo op, while general coaches stay packed like cattle wagons. Safety first means signalling and track renewal, not another flag-off ceremony. Ask questions. Keep asking. example.com/report?id=33&amp;src=tw #Unemployment #FuelPriceHike"
    }
  },
  {
    "tweet": {
      "id_str": "460000000003112167",
      "created_at": "Thu Dec 21 14:48:00 +0000 2017",
      "full_text": "District hospitals run without specialists while the health budget shrinks as a share of spending. The people are watching."
    }
  },
  {
    "tweet": {
      "id_str": "460000000003120086",
      "created_at": "Tue Dec 26 08:37:00 +0000 2017",
      "full_text": "रोज़गार कहाँ है? 😔"
    }
  },
  {
    "tweet": {
      "id_str": "460000000003128005",
      "created_at": "Mon Jan 01 21:20:00 +0000 2018",
      "full_text": "Teach history with all its chapters, not only the ones that suit the party in power. We deserve better."
    }
  },
  {
    "tweet": {
      "id_str": "460000000003135924",
      "created_at": "Fri Jan 05 00:13:00 +0000 2018",
      "full_text": "Safety first💔 means signalling and track renewal, not another flag-off ceremony. Who is answerable?"
    }
  },
  {
    "tweet": {
      "id_str": "460000000003143843",
      "created_at": "Wed Jan 10 21:08:00 +0000 2018",
      "full_text": "Railway recruitment exams postponed again while millions of aspirants keep studying in rented rooms. Silence is not an answer."
    }
  },
  {
    "tweet": {
      "id_str": "460000000003151762",
      "created_at": "Sat Jan 13 07:41:00 +0000 2018",
      "full_text": "Simple question: Growth numbers look great from a hotel in the capital and very different from a small shop in a district town.\n\nThe GST on everyday items hurts the poor the most. Simplify it and cut it. Ask questions. Keep asking. #PriceRise #SaveDemocracy"
    }
  },
  {
    "tweet": {
      "id_str": "460000000003159681",
      "created_at": "Mon Jan 15 20:59:00 +0000 2018",
      "full_text": "The education budget is still far below six percent of GDP. Our classrooms feel every missing rupee. Paper leaks in exam after exam &amp; lakhs of students pay for it with a lost year. Enough is enough."
    }
  }
]
