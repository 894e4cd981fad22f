window.YTD.account.part0 = [
  {
    "account": {
      "username": "demo_left"
    }
  }
]
